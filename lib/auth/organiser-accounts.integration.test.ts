import { beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/test/database";
import { ensureFirstOrganiser } from "../seed";
import { authenticate, createOrganiser } from "./organiser-accounts";
import { endSession, sessionOrganiser, startSession } from "./sessions";

beforeAll(prepareDatabase);

describe("organiser accounts", () => {
  it("creates the first organiser from the settings once, leaving an existing account alone", async () => {
    const settings = { ADMIN_EMAIL: "Lead@Example.org", ADMIN_PASSWORD: "first organiser password" };
    expect(await ensureFirstOrganiser(settings)).toBe("created");
    expect(await ensureFirstOrganiser({ ...settings, ADMIN_PASSWORD: "a different password now" })).toBe("exists");
    expect(await authenticate("lead@example.org", "first organiser password")).toMatchObject({ kind: "admin", organiser: { email: "lead@example.org" } });
    expect(await ensureFirstOrganiser({})).toBe("not-configured");
  });

  it("refuses a wrong password and an unknown email alike", async () => {
    await createOrganiser("second@example.org", "second organiser password", "editor");
    expect(await authenticate("second@example.org", "wrong password entirely")).toEqual({ kind: "refused" });
    expect(await authenticate("nobody@example.org", "second organiser password")).toEqual({ kind: "refused" });
  });

  it("keeps a session until it is ended or expires", async () => {
    await createOrganiser("third@example.org", "third organiser password", "viewer");
    const signedIn = await authenticate("third@example.org", "third organiser password");
    if (signedIn.kind !== "admin") throw new Error(`third organiser not signed in: ${signedIn.kind}`);
    const { organiser } = signedIn;
    const session = await startSession(organiser.id);
    expect(await sessionOrganiser(session.token)).toEqual({ ...organiser, role: "viewer" });
    expect(await sessionOrganiser(`${session.token}x`)).toBeUndefined();
    await endSession(session.token);
    expect(await sessionOrganiser(session.token)).toBeUndefined();

    const old = await startSession(organiser.id, new Date(Date.now() - 13 * 60 * 60 * 1000));
    expect(await sessionOrganiser(old.token)).toBeUndefined();
  });
});
