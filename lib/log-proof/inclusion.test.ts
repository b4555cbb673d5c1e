import { describe, expect, it } from "vitest";
import { fromHex, toHex } from "./bytes";
import { leafHash } from "./hashes";
import { inclusionProof, verifyInclusion } from "./inclusion";
import { buildReferenceLog, makeSigningKey, referenceLeafHash, referenceMth, syntheticLines } from "./reference-log";
import { tileHashAt } from "./tile-hashes.test-support";

const h = (hex: string) => fromHex(hex)!;
const ctLeaves = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"].map((leaf) => leafHash(h(leaf)));
const ctRoot8 = h("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
const ctLevel0 = (level: number, index: number) => ctLeaves[index]!;

/** PATH(m, D[n]) by RFC 6962's recursive definition over leaf hashes. */
function referencePath(m: number, leaves: Uint8Array[]): Uint8Array[] {
  if (leaves.length <= 1) return [];
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return m < k
    ? [...referencePath(m, leaves.slice(0, k)), referenceMth(leaves.slice(k))]
    : [...referencePath(m - k, leaves.slice(k)), referenceMth(leaves.slice(0, k))];
}

describe("inclusion proofs", () => {
  it("builds and accepts the RFC 6962 test tree's audit paths", () => {
    const path5 = inclusionProof(5, 8, ctLevel0);
    expect(path5.map(toHex)).toEqual([
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ]);
    expect(verifyInclusion(5, 8, ctLeaves[5]!, path5, ctRoot8)).toBe(true);
    const root3 = h("aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77");
    expect(inclusionProof(2, 3, ctLevel0).map(toHex)).toEqual(["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"]);
    expect(verifyInclusion(2, 3, ctLeaves[2]!, inclusionProof(2, 3, ctLevel0), root3)).toBe(true);
    expect(verifyInclusion(0, 1, ctLeaves[0]!, [], ctLeaves[0]!)).toBe(true);
  });

  it("refuses a path for the wrong index, leaf, size or root, and one cut short or padded", () => {
    const path = inclusionProof(5, 8, ctLevel0);
    expect(verifyInclusion(4, 8, ctLeaves[5]!, path, ctRoot8)).toBe(false);
    expect(verifyInclusion(5, 8, ctLeaves[4]!, path, ctRoot8)).toBe(false);
    // (Size 7 would pass: its path for leaf 5 has the same shape, and the root is what tells them apart.)
    expect(verifyInclusion(5, 6, ctLeaves[5]!, path, ctRoot8)).toBe(false);
    expect(verifyInclusion(5, 8, ctLeaves[5]!, path, ctLeaves[0]!)).toBe(false);
    expect(verifyInclusion(5, 8, ctLeaves[5]!, path.slice(0, 2), ctRoot8)).toBe(false);
    expect(verifyInclusion(5, 8, ctLeaves[5]!, [...path, ctLeaves[0]!], ctRoot8)).toBe(false);
    expect(verifyInclusion(8, 8, ctLeaves[5]!, path, ctRoot8)).toBe(false);
    expect(() => inclusionProof(8, 8, ctLevel0)).toThrow(/not in a tree of 8/);
  });

  it("matches the recursive definition from tiles for every leaf of trees up to 300 and across level 1", () => {
    const key = makeSigningKey("example.test/log/inclusion");
    const log = buildReferenceLog(syntheticLines(1_100), key, { lookups: false });
    const leaves = log.lines.map((line) => referenceLeafHash(new TextEncoder().encode(line)));
    for (const size of [1, 2, 3, 7, 100, 255, 256, 257, 300, 1_100]) {
      const hashAt = tileHashAt(log, size);
      const root = referenceMth(leaves, 0, size);
      const indexes = size <= 300 ? [...Array(size).keys()] : [0, 255, 256, 511, 512, 1_023, 1_024, 1_099];
      for (const m of indexes) {
        const proof = inclusionProof(m, size, hashAt);
        expect(proof.map(toHex), `leaf ${m} of ${size}`).toEqual(referencePath(m, leaves.slice(0, size)).map(toHex));
        expect(verifyInclusion(m, size, leaves[m]!, proof, root), `leaf ${m} of ${size}`).toBe(true);
      }
    }
  });
});
