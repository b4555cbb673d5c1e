import { describe, expect, it } from "vitest";
import { fromHex, toHex } from "./bytes";
import { leafHash } from "./hashes";
import { buildReferenceLog, makeSigningKey, referenceLeafHash, referenceMth, syntheticLines } from "./reference-log";
import { tileHashAt } from "./tile-hashes.test-support";
import { rangeHash, splitPoint, subtreeHash } from "./tree";

const key = makeSigningKey("example.test/log/tree");

// RFC 6962's test data, as Certificate Transparency's tests use it: eight leaves and the root of each prefix.
const ctLeaves = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"];
const ctRoots = [
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
  "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
  "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];

describe("Merkle Tree Hashes from tiles", () => {
  it("gives the RFC 6962 roots of the eight-leaf test tree and of each of its prefixes", () => {
    const leaves = ctLeaves.map((leaf) => leafHash(fromHex(leaf)!));
    const hashAt = (level: number, index: number) => {
      if (level !== 0) throw new Error("A tree of 8 has no level 1");
      return leaves[index]!;
    };
    ctRoots.forEach((root, i) => expect(toHex(rangeHash(0, i + 1, hashAt)), `size ${i + 1}`).toBe(root));
    expect(toHex(rangeHash(0, 0, hashAt))).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });

  it("agrees with the recursive definition for every tree of 1 to 600 leaves", () => {
    const log = buildReferenceLog(syntheticLines(600), key, { lookups: false });
    const leaves = log.lines.map((line) => referenceLeafHash(new TextEncoder().encode(line)));
    expect(toHex(rangeHash(0, 600, tileHashAt(log)))).toBe(toHex(log.root));
    for (let size = 1; size <= 600; size++) {
      expect(toHex(rangeHash(0, size, tileHashAt(log, size))), `size ${size}`).toBe(toHex(referenceMth(leaves, 0, size)));
    }
  });

  it("agrees around 65,536 leaves, where level 2 starts, for whole trees and the prefixes of a consistency check", () => {
    const log = buildReferenceLog(syntheticLines(70_000), key, { lookups: false });
    const leaves = log.lines.map((line) => referenceLeafHash(new TextEncoder().encode(line)));
    expect(toHex(rangeHash(0, 70_000, tileHashAt(log)))).toBe(toHex(log.root));
    for (const size of [1, 255, 256, 257, 65_535, 65_536, 65_537, 65_792]) {
      expect(toHex(rangeHash(0, size, tileHashAt(log, size))), `size ${size}`).toBe(toHex(referenceMth(leaves, 0, size)));
    }
  });

  it("reads a perfect subtree from its tile level and refuses one that does not start on its boundary", () => {
    const log = buildReferenceLog(syntheticLines(1024), key, { lookups: false });
    const leaves = log.lines.map((line) => referenceLeafHash(new TextEncoder().encode(line)));
    const reads: string[] = [];
    const hashAt = tileHashAt(log);
    const recording = (level: number, index: number) => {
      reads.push(`${level}/${index}`);
      return hashAt(level, index);
    };
    expect(toHex(subtreeHash(512, 9, recording))).toBe(toHex(referenceMth(leaves, 512, 1024)));
    expect(reads).toEqual(["1/2", "1/3"]);
    expect(() => subtreeHash(256, 9, hashAt)).toThrow(/cannot start at leaf 256/);
  });

  it("changes when one tile hash is wrong", () => {
    const log = buildReferenceLog(syntheticLines(300), key, { lookups: false });
    const hashAt = tileHashAt(log);
    const tampered = (level: number, index: number) => (level === 0 && index === 299 ? leafHash(Uint8Array.of(9)) : hashAt(level, index));
    expect(toHex(rangeHash(0, 300, tampered))).not.toBe(toHex(log.root));
  });

  it("splits at the largest power of two below n", () => {
    expect([2, 3, 4, 5, 8, 9, 256, 257].map(splitPoint)).toEqual([1, 2, 2, 4, 4, 8, 128, 256]);
  });
});
