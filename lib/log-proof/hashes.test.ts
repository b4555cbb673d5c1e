import { sha256 } from "@noble/hashes/sha2";
import { describe, expect, it } from "vitest";
import { fromHex, toHex } from "./bytes";
import { emptyTreeHash, hashUp, leafHash, nodeHash } from "./hashes";

describe("RFC 6962 hashing", () => {
  it("gives the known answers for the empty tree and the leaf of the empty entry", () => {
    expect(toHex(emptyTreeHash())).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(toHex(leafHash(new Uint8Array(0)))).toBe("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
  });

  it("hashes a node as SHA-256(0x01 || left || right), with a different prefix from a leaf", () => {
    const left = leafHash(fromHex("00")!);
    const right = leafHash(fromHex("10")!);
    // RFC 6962 test data: the root of the two-leaf tree ["", "00"] and the leaf hash of "00".
    expect(toHex(nodeHash(leafHash(new Uint8Array(0)), left))).toBe("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
    expect(toHex(nodeHash(left, right))).toBe(toHex(sha256(Uint8Array.of(1, ...left, ...right))));
    expect(toHex(leafHash(left))).not.toBe(toHex(sha256(left)));
  });

  it("writes into a given buffer at an offset, even over its own inputs, and keeps hashing right after", () => {
    const a = leafHash(Uint8Array.of(1));
    const b = leafHash(Uint8Array.of(2));
    const expected = toHex(nodeHash(a, b));
    const buffer = new Uint8Array(64);
    buffer.set(a, 0);
    buffer.set(b, 32);
    nodeHash(buffer.subarray(0, 32), buffer.subarray(32, 64), buffer, 0);
    expect(toHex(buffer.subarray(0, 32))).toBe(expected);
    expect(toHex(nodeHash(a, b))).toBe(expected);
    expect(() => leafHash(a, new Uint8Array(40), 10)).toThrow(/No room/);
  });

  it("hashes a perfect row up to its root and refuses a row that is not a power of two", () => {
    const leaves = [0, 1, 2, 3].map((n) => leafHash(Uint8Array.of(n)));
    const row = new Uint8Array(128);
    leaves.forEach((leaf, i) => row.set(leaf, i * 32));
    const [l0, l1, l2, l3] = leaves as [Uint8Array, Uint8Array, Uint8Array, Uint8Array];
    expect(toHex(hashUp(row))).toBe(toHex(nodeHash(nodeHash(l0, l1), nodeHash(l2, l3))));
    expect(toHex(hashUp(row.subarray(0, 32)))).toBe(toHex(l0));
    expect(toHex(row.subarray(0, 32))).toBe(toHex(l0));
    expect(() => hashUp(row.subarray(0, 96))).toThrow(/power-of-two/);
  });
});
