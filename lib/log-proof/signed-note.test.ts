import { describe, expect, it } from "vitest";
import { makeSigningKey, referenceKeyId, referenceVkey, signatureLine, signNote } from "./reference-log";
import { keyIdOf, openNote, parseVerifierKey, type VerifierKey } from "./signed-note";

// golang.org/x/mod/sumdb/note's example: a note signed by a key the Go tests publish.
const peterKey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
const peterText = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const peterNote = `${peterText}\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

const alice = makeSigningKey("example.test/log/white-helmets");
const mallory = makeSigningKey("example.test/log/white-helmets", new Uint8Array(32).fill(7));
const text = "example.test/log/white-helmets\n3\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

function verifier(vkey: string): VerifierKey {
  const key = parseVerifierKey(vkey);
  if (!key.ok) throw new Error(key.error);
  return key.value;
}

describe("verifier keys", () => {
  it("parses Go's published key, and one whose base64 holds a +", () => {
    const key = verifier(peterKey);
    expect(key.name).toBe("PeterNeumann");
    expect(key.keyId).toBe(0xc74f20a3);
    expect(key.publicKey).toHaveLength(32);
    // transparency-dev/formats' test key: the "+" in its base64 is not a separator.
    expect(verifier("TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6").name).toBe("TEST");
    expect(verifier(`${peterKey}\n`).keyId).toBe(0xc74f20a3);
  });

  it("computes the key id as SHA-256(name || 0x0A || 0x01 || key)[:4]", () => {
    const id = referenceKeyId(alice.name, alice.publicKey);
    expect(keyIdOf(alice.name, alice.publicKey)).toBe(new DataView(id.buffer).getUint32(0));
    expect(verifier(referenceVkey(alice)).keyId).toBe(keyIdOf(alice.name, alice.publicKey));
  });

  it("refuses a wrong id, an upper-case id, a wrong type byte, a short key, bad base64 and a bad name", () => {
    const refusals = [
      ["PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", /not the hash/],
      ["PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", /lower-case hex/],
      ["PeterNeumann+c74f20a3+Ahpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", /0x01/],
      ["PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10", /0x01/],
      ["PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T*", /0x01/],
      ["Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", /name/],
      ["PeterNeumann", /name\+id\+key/],
    ] as const;
    for (const [vkey, error] of refusals) {
      const parsed = parseVerifierKey(vkey);
      expect(parsed.ok, vkey).toBe(false);
      if (!parsed.ok) expect(parsed.error).toMatch(error);
    }
  });
});

describe("signed notes", () => {
  it("opens Go's example note and refuses it with one letter changed", () => {
    expect(openNote(peterNote, verifier(peterKey))).toEqual({ ok: true, value: peterText });
    const altered = openNote(peterNote.replace("cryptography", "cryptographY"), verifier(peterKey));
    expect(altered).toEqual({ ok: false, error: "signature line 1, by PeterNeumann, does not verify" });
  });

  it("opens a note signed here and refuses altered text", () => {
    const key = verifier(referenceVkey(alice));
    const note = signNote(text, alice);
    expect(openNote(note, key)).toEqual({ ok: true, value: text });
    expect(openNote(note.replace("\n3\n", "\n4\n"), key).ok).toBe(false);
  });

  it("ignores signatures by other keys, but needs one by its own", () => {
    const key = verifier(referenceVkey(alice));
    const other = makeSigningKey("example.test/witness");
    expect(openNote(`${text}\n${signatureLine(text, other)}${signatureLine(text, alice)}`, key).ok).toBe(true);
    expect(openNote(`${text}\n${signatureLine(text, other)}`, key)).toEqual({ ok: false, error: expect.stringMatching(/no signature by example.test\/log\/white-helmets/) });
    // Same name, another key (so another id): ignored as unknown, leaving no signature.
    expect(openNote(`${text}\n${signatureLine(text, mallory)}`, key).ok).toBe(false);
    // Right name, wrong id: also unknown.
    expect(openNote(`${text}\n${signatureLine(text, alice, Uint8Array.of(1, 2, 3, 4))}`, key).ok).toBe(false);
    // Another name with the right id: unknown.
    const renamed = signatureLine(text, alice).replace(alice.name, "example.test/log/other");
    expect(openNote(`${text}\n${renamed}`, key).ok).toBe(false);
  });

  it("refuses a note in which a signature by its key fails, even beside one that verifies", () => {
    const key = verifier(referenceVkey(alice));
    const forged = signatureLine(text, mallory, referenceKeyId(alice.name, alice.publicKey));
    expect(openNote(`${text}\n${forged}${signatureLine(text, alice)}`, key)).toEqual({ ok: false, error: expect.stringMatching(/line 1.*does not verify/) });
  });

  it("refuses malformed notes: bad base64, no blank line, a stray control character, a missing final newline", () => {
    const key = verifier(referenceVkey(alice));
    const note = signNote(text, alice);
    const sig = note.slice(note.lastIndexOf(" ") + 1, -1);
    expect(openNote(note.replace(sig, `${sig.slice(0, -2)}!=`), key)).toEqual({ ok: false, error: expect.stringMatching(/line 1 is malformed/) });
    expect(openNote(note.replace(sig, sig.slice(0, -4)), key).ok).toBe(false);
    expect(openNote(note.replace("\n\n", "\n"), key).ok).toBe(false);
    expect(openNote(note.replace("3", "3\t"), key).ok).toBe(false);
    expect(openNote(note.slice(0, -1), key).ok).toBe(false);
    expect(openNote(note.replace("\u2014 ", "- "), key).ok).toBe(false);
    expect(openNote(`${note}\u2014 x\n`, key).ok).toBe(false);
  });
});
