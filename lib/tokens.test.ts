import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decoySealedId, openId, sealId } from "./tokens";

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
