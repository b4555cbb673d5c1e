import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { resolveSiteOrigin, siteOriginHeader, stampSiteOrigin } from "./site-origin";

const request = (headers: Record<string, string>) => ({ headers: { ...headers } }) as unknown as IncomingMessage;
const direct = { PUBLIC_URL: undefined, TRUST_FORWARDED_HOST: false };
const behindProxy = { PUBLIC_URL: undefined, TRUST_FORWARDED_HOST: true };

describe("resolveSiteOrigin", () => {
  it("ignores a client's forwarded host and scheme unless the operator trusts a proxy to set them", () => {
    const forged = request({ host: "sign.example.org", "x-forwarded-proto": "https://evil.example/?", "x-forwarded-host": "evil.example" });
    expect(resolveSiteOrigin(forged, direct)).toBe("http://sign.example.org");
  });

  it("reads a trusted proxy's forwarded host and scheme, refusing any that are not plainly one", () => {
    const proxied = request({ host: "127.0.0.1:3000", "x-forwarded-proto": "https", "x-forwarded-host": "sign.example.org" });
    expect(resolveSiteOrigin(proxied, behindProxy)).toBe("https://sign.example.org");
    const odd = request({ host: "sign.example.org", "x-forwarded-proto": "https://evil.example/?", "x-forwarded-host": "evil.example/path" });
    expect(resolveSiteOrigin(odd, behindProxy)).toBe("http://sign.example.org");
    expect(resolveSiteOrigin(request({ host: "a.example, b.example", "x-forwarded-host": "x@evil.example" }), behindProxy)).toBe("http://localhost");
  });

  it("prefers PUBLIC_URL over anything a request says", () => {
    const proxied = request({ host: "evil.example", "x-forwarded-host": "evil.example" });
    expect(resolveSiteOrigin(proxied, { PUBLIC_URL: "https://sign.example.org", TRUST_FORWARDED_HOST: true })).toBe("https://sign.example.org");
  });
});

describe("stampSiteOrigin", () => {
  it("replaces a client's copy of the stamp and removes untrusted forwarded headers", () => {
    const req = request({ host: "sign.example.org", [siteOriginHeader]: "https://evil.example", "x-forwarded-host": "evil.example", forwarded: "host=evil.example" });
    stampSiteOrigin(req, direct);
    expect(req.headers).toEqual({ host: "sign.example.org", [siteOriginHeader]: "http://sign.example.org" });
  });
});
