import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { logRequestError, requestIdHeader, stampRequestId } from "./request-log";
import { decoySealedId, randomToken } from "./tokens";

// The process's logger, writing its scrubbed lines here instead of to standard output.
const written = vi.hoisted(() => [] as string[]);
vi.mock("./log", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./log")>();
  const log = actual.createLogger("info", { write: (line: string) => void written.push(line) });
  return { ...actual, logger: () => log };
});

function request(headers: Record<string, string> = {}) {
  const req = new IncomingMessage(new Socket());
  Object.assign(req, { method: "POST", url: "/api/petitions/white-helmets/signatures", headers });
  return { req, res: new ServerResponse(req) };
}

/** The URL as the line written for a request that failed at `url` gives it. */
function loggedUrl(url: string): unknown {
  const { req } = request();
  req.url = url;
  written.length = 0;
  logRequestError(req, new Error("failed"));
  return (JSON.parse(written.join("")) as { url: unknown }).url;
}

beforeEach(() => void (written.length = 0));

describe("request ids", () => {
  it("gives each request an id of our own, in its headers and its response's", () => {
    const first = request({ [requestIdHeader]: "chosen-by-the-client" });
    const second = request();
    stampRequestId(first.req, first.res);
    stampRequestId(second.req, second.res);

    const id = first.req.headers[requestIdHeader];
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(first.res.getHeader("X-Request-Id")).toBe(id);
    expect(second.req.headers[requestIdHeader]).not.toBe(id);
  });

  it("puts the id on what is logged when a request fails", () => {
    const { req, res } = request();
    stampRequestId(req, res);
    logRequestError(req, new Error("the database is locked"));
    expect(JSON.parse(written.join(""))).toMatchObject({
      msg: "answering a request failed",
      requestId: req.headers[requestIdHeader],
      method: "POST",
      url: "/api/petitions/white-helmets/signatures",
      err: { message: "the database is locked" },
    });
  });
});

describe("the logged URL of a failed request", () => {
  const sealed = decoySealedId();
  const random = randomToken();

  it.each([
    [`/en/confirm/${random}`, "/en/confirm/[token]"],
    [`/ar/withdraw/${sealed}?x=1`, "/ar/withdraw/[token]?x=1"],
    [`/admin/invitation/${random}`, "/admin/invitation/[token]"],
    [`/en/unsubscribe/${sealed}`, "/en/unsubscribe/[token]"],
    [`/ar/unsubscribe/${sealed}`, "/ar/unsubscribe/[token]"],
    [`/api/unsubscribe/${sealed}`, "/api/unsubscribe/[token]"],
    [`/api/referrals/${sealed}`, "/api/referrals/[token]"],
    // Paths no one has named yet, and tokens in the query.
    [`/some/future/${random}/page`, "/some/future/[token]/page"],
    [`/en/p/white-helmets?ref=8Krs229vmTzbV8GA&lang=ar`, "/en/p/white-helmets?ref=[token]&lang=ar"],
    [`/admin/login?next=%2Fadmin&token=${random}`, "/admin/login?next=%2Fadmin&token=[token]"],
  ])("blanks the token in %s", (url, expected) => {
    expect(loggedUrl(url)).toBe(expected);
  });

  it("keeps what names no one: slugs, languages, static files", () => {
    for (const url of [
      "/en/p/the-white-helmets-for-the-nobel-peace-prize",
      "/og/white-helmets/ar.png",
      "/_next/static/chunks/0a1b2c3d4e5f6a7b8c9d.js",
      "/admin/petitions/white-helmets/charts/per-hour.csv",
    ]) {
      expect(loggedUrl(url)).toBe(url);
    }
  });
});
