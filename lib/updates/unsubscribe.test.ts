import { describe, expect, it, vi } from "vitest";
import { withdrawToken } from "../withdrawals";
import { decoyUnsubscribeToken, isUnsubscribeToken, oneClickUnsubscribeLink, unsubscribePageFor, unsubscribePageLink, unsubscribeToken } from "./unsubscribe";

vi.hoisted(() => {
  process.env.SECRET_KEY = "a-test-key-of-at-least-thirty-two-characters";
  process.env.PUBLIC_URL = "https://sign.example.org";
});

describe("the unsubscribe token", () => {
  it("is opaque and new each time, yet always recognised", () => {
    const a = unsubscribeToken(42);
    const b = unsubscribeToken(42);
    expect(a).not.toBe(b);
    // A long id, since a random 48-character token holds "42" about once in a hundred.
    expect(unsubscribeToken(987_654_321)).not.toContain("987654321");
    expect(a).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(isUnsubscribeToken(a) && isUnsubscribeToken(b)).toBe(true);
  });

  it("is not a withdraw token, and neither a decoy nor a token altered by one character passes", () => {
    expect(isUnsubscribeToken(withdrawToken(42))).toBe(false);
    expect(isUnsubscribeToken(decoyUnsubscribeToken())).toBe(false);
    const token = unsubscribeToken(42);
    const altered = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    expect(isUnsubscribeToken(altered)).toBe(false);
    expect(isUnsubscribeToken("")).toBe(false);
  });

  it("makes the page link in the signer's language and the one-click link under /api", () => {
    expect(unsubscribePageLink("tok", "ar")).toBe("https://sign.example.org/ar/unsubscribe/tok");
    expect(oneClickUnsubscribeLink("tok")).toBe("https://sign.example.org/api/unsubscribe/tok");
  });

  it("sends a browser that opened the one-click address to the page in the reader's language, the token kept in its path", () => {
    expect(unsubscribePageFor("tok", { acceptLanguage: "ar-SY,ar;q=0.9,en;q=0.8" })).toBe("https://sign.example.org/ar/unsubscribe/tok");
    expect(unsubscribePageFor("tok", { cookie: "en", acceptLanguage: "ar" })).toBe("https://sign.example.org/en/unsubscribe/tok");
    expect(unsubscribePageFor("tok", {})).toBe("https://sign.example.org/en/unsubscribe/tok");
    expect(unsubscribePageFor("a/../../admin", {})).toBe("https://sign.example.org/en/unsubscribe/a%2F..%2F..%2Fadmin");
  });
});
