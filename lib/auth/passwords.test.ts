import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./passwords";

describe("passwords", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await verifyPassword("correct horse battery staple", hash)).toBe("match");
    expect(await verifyPassword("correct horse battery stapler", hash)).toBe("mismatch");
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same password here")).not.toBe(await hashPassword("same password here"));
  });

  it("refuses a stored value it does not understand", async () => {
    expect(await verifyPassword("anything", "plain-text")).toBe("mismatch");
  });

  it("checks a few passwords at a time and tells the rest of a flood to come back, instead of holding them all", async () => {
    const hash = await hashPassword("the organiser's password");
    const flood = await Promise.all(Array.from({ length: 12 }, () => verifyPassword("a guess", hash)));
    // Two run and eight may wait; the other two are turned away at once, without 128 MiB each.
    expect(flood.filter((check) => check === "busy").length).toBeGreaterThanOrEqual(2);
    expect(flood.filter((check) => check === "mismatch").length).toBeGreaterThanOrEqual(2);
    expect(await verifyPassword("the organiser's password", hash)).toBe("match");
  });
});
