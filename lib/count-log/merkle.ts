import { hash } from "node:crypto";

// RFC 6962's tree, as the log's writer builds it a leaf at a time. The checker (lib/log-proof/) is written apart, so each
// tests the other.

// The sequencer hashes two or three times an entry, thousands of entries a second: a one-shot hash of bytes laid out in a
// buffer kept for it costs a third of a Hash object's, whose creation, digest and collection were most of a batch's time.
let leafInput = Buffer.alloc(256);
const nodeInput = Buffer.alloc(65, 1);

export function leafHash(entry: Uint8Array): Buffer {
  if (entry.length + 1 > leafInput.length) leafInput = Buffer.alloc(2 * (entry.length + 1));
  leafInput[0] = 0;
  leafInput.set(entry, 1);
  return hash("sha256", leafInput.subarray(0, entry.length + 1), "buffer");
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  nodeInput.set(left, 1);
  nodeInput.set(right, 33);
  return hash("sha256", nodeInput, "buffer");
}

export const emptyTreeHash = hash("sha256", new Uint8Array(0), "buffer");

/** A hash the tree gained at a height tiles keep (0, 8, 16, …): level = height / 8, and its index among that height's nodes. */
export type TileHash = { level: number; index: number; hash: Buffer };

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
    private readonly hashes: Buffer[],
  ) {
    this.heights = frontierHeights(size);
    if (this.heights.length !== hashes.length) throw new Error(`a tree of ${size} leaves has ${this.heights.length} frontier hashes, not ${hashes.length}`);
  }

  append(leaf: Buffer, tiles: TileHash[]): void {
    tiles.push({ level: 0, index: this.size, hash: leaf });
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
      if (height % 8 === 0) tiles.push({ level: height / 8, index: Math.floor(this.size / 2 ** height) - 1, hash: merged });
    }
  }

  /** RFC 6962's tree hash: the frontier folded from the right. */
  root(): Buffer {
    if (this.hashes.length === 0) return emptyTreeHash;
    let root = this.hashes.at(-1)!;
    for (let i = this.hashes.length - 2; i >= 0; i--) root = nodeHash(this.hashes[i]!, root);
    return root;
  }

  stored(): Buffer {
    return Buffer.concat(this.hashes);
  }

  static load(size: number, stored: Uint8Array): Frontier {
    const hashes: Buffer[] = [];
    for (let at = 0; at < stored.length; at += 32) hashes.push(Buffer.from(stored.subarray(at, at + 32)));
    return new Frontier(size, hashes);
  }
}
