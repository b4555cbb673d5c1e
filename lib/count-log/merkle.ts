import { hash } from "node:crypto";

// RFC 6962's tree, as the log's writer builds it a leaf at a time. The checker (lib/log-proof/) is written apart, so each
// tests the other.

// The sequencer hashes two or three times an entry, thousands of entries a second. A one-shot hash of bytes laid out in a
// buffer kept for it, answered in hex, costs a third of a Hash object's and leaves the collector no buffer: creating,
// digesting and collecting Hash objects and their digests had been most of a batch's time.
let leafInput = Buffer.alloc(256);
const nodeInput = Buffer.alloc(65, 1);

/** A leaf's hash, in hex. */
export function leafHash(entry: Uint8Array): string {
  if (entry.length + 1 > leafInput.length) leafInput = Buffer.alloc(2 * (entry.length + 1));
  leafInput[0] = 0;
  leafInput.set(entry, 1);
  return hash("sha256", leafInput.subarray(0, entry.length + 1), "hex");
}

/** An inner node's hash from its children's, all in hex. */
export function nodeHash(left: string, right: string): string {
  nodeInput.write(left, 1, "hex");
  nodeInput.write(right, 33, "hex");
  return hash("sha256", nodeInput, "hex");
}

export const emptyTreeHash = hash("sha256", new Uint8Array(0), "buffer");

/** Where a hash the tree gained at a height tiles keep (0, 8, 16, …) goes: level = height / 8, and its index there. */
export type TileSink = (level: number, index: number, hash: string) => void;

/** The heights of a tree's frontier, largest first: one perfect subtree per set bit of its size. */
export function frontierHeights(size: number): number[] {
  const heights: number[] = [];
  for (let height = 52; height >= 0; height--) if (Math.floor(size / 2 ** height) % 2 === 1) heights.push(height);
  return heights;
}

/**
 * The tree as its frontier: appending a leaf merges equal subtrees from the right, and every node made at a height a multiple
 * of 8 goes to its tile. Appending n leaves costs n hashes more than the leaves' own, and nothing is read back.
 */
export class Frontier {
  private readonly heights: number[];

  constructor(
    public size: number,
    private readonly hashes: string[],
  ) {
    this.heights = frontierHeights(size);
    if (this.heights.length !== hashes.length) throw new Error(`a tree of ${size} leaves has ${this.heights.length} frontier hashes, not ${hashes.length}`);
  }

  append(leaf: string, tiles: TileSink): void {
    tiles(0, this.size, leaf);
    this.size++;
    this.hashes.push(leaf);
    this.heights.push(0);
    while (this.heights.length >= 2 && this.heights.at(-1) === this.heights.at(-2)) {
      const right = this.hashes.pop()!;
      const left = this.hashes.pop()!;
      this.heights.pop();
      const height = this.heights.pop()! + 1;
      const merged = nodeHash(left, right);
      this.hashes.push(merged);
      this.heights.push(height);
      if (height % 8 === 0) tiles(height / 8, Math.floor(this.size / 2 ** height) - 1, merged);
    }
  }

  /** RFC 6962's tree hash: the frontier folded from the right. */
  root(): Buffer {
    if (this.hashes.length === 0) return emptyTreeHash;
    let root = this.hashes.at(-1)!;
    for (let i = this.hashes.length - 2; i >= 0; i--) root = nodeHash(this.hashes[i]!, root);
    return Buffer.from(root, "hex");
  }

  stored(): Buffer {
    return Buffer.from(this.hashes.join(""), "hex");
  }

  static load(size: number, stored: Uint8Array): Frontier {
    const hashes: string[] = [];
    for (let at = 0; at < stored.length; at += 32) hashes.push(Buffer.from(stored.buffer, stored.byteOffset + at, 32).toString("hex"));
    return new Frontier(size, hashes);
  }
}
