import { describe, expect, it } from "vitest";
import { toBase64 } from "./bytes";
import { openCheckpoint, parseCheckpoint } from "./checkpoint";
import { makeSigningKey, referenceCheckpoint, referenceVkey, signNote } from "./reference-log";
import { parseVerifierKey } from "./signed-note";

const origin = "example.test/log/white-helmets";
const root = new Uint8Array(32).fill(0xab);
const key = makeSigningKey(origin);
const verifier = (() => {
  const parsed = parseVerifierKey(referenceVkey(key));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
})();

describe("checkpoints", () => {
  it("reads origin, size and root, and ignores extension lines", () => {
    expect(parseCheckpoint(`${origin}\n20852163\n${toBase64(root)}\n`)).toEqual({ ok: true, value: { origin, size: 20852163, rootHash: root } });
    expect(parseCheckpoint(`${origin}\n0\n${toBase64(root)}\nsome extension\n`)).toEqual({ ok: true, value: { origin, size: 0, rootHash: root } });
  });

  it("refuses a size with a leading zero or a sign, a root that is not 32 bytes, empty lines and a missing newline", () => {
    const refusals = [
      [`${origin}\n012\n${toBase64(root)}\n`, /tree size "012"/],
      [`${origin}\n+12\n${toBase64(root)}\n`, /tree size/],
      [`${origin}\n12\n${toBase64(root.subarray(1))}\n`, /32 bytes/],
      [`${origin}\n12\n${toBase64(root)}`, /newline/],
      [`${origin}\n12\n`, /at least 3/],
      [`\n12\n${toBase64(root)}\n`, /empty line/],
      [`${origin}\n12\n${toBase64(root)}\n\nextension\n`, /empty line/],
    ] as const;
    for (const [text, error] of refusals) {
      const parsed = parseCheckpoint(text);
      expect(parsed.ok, text).toBe(false);
      if (!parsed.ok) expect(parsed.error).toMatch(error);
    }
  });

  it("opens a checkpoint signed by the log's key, whose origin is the key's name", () => {
    const opened = openCheckpoint(referenceCheckpoint(origin, 5, root, key), verifier);
    expect(opened).toEqual({ ok: true, value: { origin, size: 5, rootHash: root } });
  });

  it("refuses one signed by the key for another origin, and one not signed by the key", () => {
    expect(openCheckpoint(signNote(`example.test/log/other\n5\n${toBase64(root)}\n`, key), verifier)).toEqual({
      ok: false,
      error: `the checkpoint's origin "example.test/log/other" is not its key's name "${origin}"`,
    });
    const stranger = makeSigningKey(origin, new Uint8Array(32).fill(1));
    expect(openCheckpoint(referenceCheckpoint(origin, 5, root, stranger), verifier).ok).toBe(false);
  });
});
