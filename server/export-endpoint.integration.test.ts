import { stores } from "@/lib/stores";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganiser } from "@/lib/auth/organiser-accounts";
import { changeRole } from "@/lib/auth/organisers";
import type { Role } from "@/lib/domain/roles";
import { sessionCookieName, startSession } from "@/lib/auth/sessions";
import { signCampaign } from "@/lib/signatures";
import { siteOriginHeader } from "@/lib/site-origin";
import { prepareDatabase, storedRows } from "@/test/database";
import { apiRoute } from "./routes";

// The export as the front door runs it: the origin stamped, then the route's handler, asked for
// with each organiser's session cookie as their browser would send it.
const server = createServer((req, res) => {
  req.headers[siteOriginHeader] = "https://sign.example.org";
  const route = apiRoute(req, res);
  if (route) void route();
  else res.writeHead(418).end();
});
let base = "";
const signer = "exported.signer@example.org";

/** An organiser of the given role, signed in: the cookie their browser would send. */
async function signedIn(email: string, role: Role) {
  await createOrganiser(email, "a long organiser password", role);
  const organiser = (await stores().organisers.findOrganiserByEmail(email))!;
  const { token } = await startSession(organiser.id);
  return { organiser: { id: organiser.id, email, role }, cookie: `${sessionCookieName}=${token}` };
}

const download = (cookie?: string) =>
  fetch(`${base}/admin/petitions/white-helmets/signatures.csv?include=pending,invalidated,suspected`, { headers: cookie ? { cookie } : {} });
const exportsBy = (email: string) => storedRows("select id from audit_events where action = 'export' and actor = ?", email).length;

beforeAll(async () => {
  await prepareDatabase();
  expect(await signCampaign("white-helmets", { fullName: "Exported Signer", email: signer, country: "SY" })).toMatchObject({ kind: "signed" });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the CSV export, by role", () => {
  it("gives an owner the signatures", async () => {
    const { cookie } = await signedIn("owner@example.org", "owner");
    const response = await download(cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(await response.text()).toContain(signer);
    expect(exportsBy("owner@example.org")).toBe(1);
  });

  it.each([["viewer"], ["editor"]] as const)("answers a signed-in %s 403 with no signature data, and records no export", async (role) => {
    const { cookie } = await signedIn(`${role}@example.org`, role);
    const response = await download(cookie);
    expect(response.status).toBe(403);
    expect(response.headers.get("content-disposition")).toBeNull();
    const body = await response.text();
    expect(body).toBe("Your organiser role doesn't include exporting signatures. An owner can export them for you.\n");
    expect(body).not.toContain("Signed at");
    expect(body).not.toContain("@");
    expect(exportsBy(`${role}@example.org`)).toBe(0);
  });

  it("refuses an owner demoted a moment ago on their very next request, with the same session", async () => {
    const boss = await signedIn("boss@example.org", "owner");
    const demoted = await signedIn("demoted@example.org", "owner");
    expect((await download(demoted.cookie)).status).toBe(200);
    expect(await changeRole(demoted.organiser.id, "viewer", boss.organiser)).toBe("done");
    const response = await download(demoted.cookie);
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain(signer);
  });

  it("still answers 401 with no session", async () => {
    const response = await download();
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain("@");
  });
});
