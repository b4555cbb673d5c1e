import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, frameAncestors, securityHeadersFor } from "./security-headers";

describe("framing", () => {
  it("lets no site frame a page but the embed pages", () => {
    for (const path of ["/", "/en/p/white-helmets", "/admin", "/embed.js"]) {
      expect(frameAncestors(path, []), path).toBe("'none'");
      expect(frameAncestors(path, ["https://partner.example.org"]), path).toBe("'none'");
      expect(securityHeadersFor(path), path).toContainEqual({ key: "X-Frame-Options", value: "DENY" });
    }
  });

  it("lets any web page frame the embed pages, or only the partners listed", () => {
    expect(frameAncestors("/en/embed/white-helmets", [])).toBe("https: http:");
    expect(frameAncestors("/embed/white-helmets?ref=x", ["https://a.example", "http://b.example:8080"])).toBe(
      "https://a.example http://b.example:8080",
    );
    const headers = securityHeadersFor("/ar/embed/white-helmets");
    expect(headers.map(({ key }) => key)).not.toContain("X-Frame-Options");
    expect(headers.map(({ key }) => key)).toContain("X-Content-Type-Options");
  });

  it("puts the ancestors in the policy, 'none' unless told", () => {
    expect(contentSecurityPolicy("n", false)).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy("n", false, "https: http:")).toMatch(/; frame-ancestors https: http:$/);
  });
});
