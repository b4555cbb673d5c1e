import { sha256 } from "@noble/hashes/sha2";
import { describe, expect, it } from "vitest";
import { toHex } from "./bytes";
import { parseSalt, signerCommitment } from "./commitment";

const origin = "example.test/log/white-helmets";
const salt = Uint8Array.from({ length: 32 }, (_, i) => i);

/** The commitment by its definition, for an address already in its key form. */
function byDefinition(key: string): string {
  const text = (s: string) => new TextEncoder().encode(s);
  return toHex(sha256(new Uint8Array([...text(`countersign-commitment-v1\n${origin}\n`), ...salt, ...text(`\n${key}`)])));
}

describe("signer commitments", () => {
  it("hashes the label, origin, raw salt and email key, newline-separated", () => {
    expect(signerCommitment(origin, salt, "amal@example.org")).toBe(byDefinition("amal@example.org"));
    expect(signerCommitment(origin, salt, "amal@example.org")).toMatch(/^[0-9a-f]{64}$/);
  });

  it("matches an address by its key, so it holds however the signer types it", () => {
    expect(signerCommitment(origin, salt, "  Amal.Haddad+petitions@GoogleMail.com ")).toBe(byDefinition("amalhaddad@gmail.com"));
  });

  it("differs for another origin or salt", () => {
    const base = signerCommitment(origin, salt, "amal@example.org");
    expect(signerCommitment("example.test/log/other", salt, "amal@example.org")).not.toBe(base);
    expect(signerCommitment(origin, salt.map((b) => b ^ 1), "amal@example.org")).not.toBe(base);
  });

  it("takes a salt of 64 hex digits of either case, and refuses anything else clearly", () => {
    expect(parseSalt(toHex(salt).toUpperCase())).toEqual({ ok: true, value: salt });
    expect(parseSalt(toHex(salt).slice(2))).toEqual({ ok: false, error: expect.stringMatching(/must be 64 hex digits/) });
    expect(parseSalt(`${toHex(salt).slice(2)}zz`).ok).toBe(false);
    expect(() => signerCommitment(origin, salt.subarray(1), "amal@example.org")).toThrow(/32 bytes/);
  });
});
