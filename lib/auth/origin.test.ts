import { describe, expect, it } from "vitest";
import { isCrossSiteRead, isSameOrigin } from "./origin";

const site = "https://sign.example.org";

describe("isSameOrigin", () => {
  it("accepts only this site's origin", () => {
    expect(isSameOrigin("https://sign.example.org", site)).toBe(true);
    expect(isSameOrigin("https://evil.example", site)).toBe(false);
    expect(isSameOrigin("http://sign.example.org", site)).toBe(false);
    expect(isSameOrigin("https://sign.example.org:8443", site)).toBe(false);
  });

  it("refuses a missing, null or malformed origin", () => {
    expect(isSameOrigin(null, site)).toBe(false);
    expect(isSameOrigin("null", site)).toBe(false);
    expect(isSameOrigin("not a url", site)).toBe(false);
  });
});

describe("isCrossSiteRead", () => {
  it("lets a same-site download without an Origin through", () => {
    expect(isCrossSiteRead(null, "same-origin", site)).toBe(false);
    expect(isCrossSiteRead(null, null, site)).toBe(false);
  });

  it("refuses a foreign or null Origin and a cross-site fetch", () => {
    expect(isCrossSiteRead("https://evil.example", null, site)).toBe(true);
    expect(isCrossSiteRead("null", null, site)).toBe(true);
    expect(isCrossSiteRead(null, "cross-site", site)).toBe(true);
  });
});
