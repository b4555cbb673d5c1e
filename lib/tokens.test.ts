import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decoySealedId, openId, openText, sealId, sealText } from "./tokens";

const key = randomBytes(32);

describe("sealed ids", () => {
  it("opens to the id it sealed, with the same key and purpose only", () => {
    const token = sealId(key, "withdraw", 42);
    expect(openId(key, "withdraw", token)).toBe(42);
    expect(openId(key, "confirm", token)).toBeUndefined();
    expect(openId(randomBytes(32), "withdraw", token)).toBeUndefined();
  });

  it("looks different every time, so links to neighbouring rows share nothing", () => {
    const tokens = [sealId(key, "withdraw", 1), sealId(key, "withdraw", 1), sealId(key, "withdraw", 2)];
    expect(new Set(tokens).size).toBe(3);
    for (const token of tokens) expect(token).toMatch(/^[\w-]{48}$/);
  });

  it("refuses anything altered, cut or padded, and a decoy of the same shape", () => {
    const token = sealId(key, "withdraw", 7);
    const altered = `${token.slice(0, 10)}${token[10] === "A" ? "B" : "A"}${token.slice(11)}`;
    for (const bad of [altered, token.slice(1), `${token}A`, "", "7", `${token.slice(0, -1)}=`]) {
      expect(openId(key, "withdraw", bad)).toBeUndefined();
    }
    const decoy = decoySealedId();
    expect(decoy).toMatch(/^[\w-]{48}$/);
    expect(openId(key, "withdraw", decoy)).toBeUndefined();
  });
});

describe("sealed text", () => {
  it("opens to the text it sealed, with the same key and context only, and not once altered", () => {
    const body = "Hello Rania,\n\nhttps://sign.example.org/ar/confirm/abc\n";
    const sealed = sealText(key, "mail-body\nrania@example.org", body);
    expect(sealed).not.toContain("confirm");
    expect(openText(key, "mail-body\nrania@example.org", sealed)).toBe(body);
    expect(openText(key, "mail-body\nsomeone.else@example.org", sealed)).toBeUndefined();
    expect(openText(randomBytes(32), "mail-body\nrania@example.org", sealed)).toBeUndefined();
    const altered = `${sealed.slice(0, 20)}${sealed[20] === "A" ? "B" : "A"}${sealed.slice(21)}`;
    for (const bad of [altered, sealed.slice(0, -2), "", "short"]) expect(openText(key, "mail-body\nrania@example.org", bad)).toBeUndefined();
  });
});
