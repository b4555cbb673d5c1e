// Merkle Tree Hashes (RFC 6962 section 2.1) of ranges of leaves, read from a log's tiles.
import { emptyTreeHash, HASH_SIZE, hashUp, nodeHash } from "./hashes";
import { TILE_HEIGHT, TILE_WIDTH } from "./tile-path";

/**
 * Hash `index` of tile level `level`: the MTH of leaves [index × 256^level, (index + 1) × 256^level).
 * Level 0 holds the leaf hashes.
 */
export type HashAt = (level: number, index: number) => Uint8Array;

/** The largest power of two smaller than n (n ≥ 2): where RFC 6962 splits a tree of n leaves. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * The MTH of the perfect subtree of 2^height leaves starting at leaf `start` (a multiple of
 * 2^height): the 2^(height mod 8) hashes of tile level floor(height / 8) under it, hashed up.
 */
export function subtreeHash(start: number, height: number, hashAt: HashAt): Uint8Array {
  const span = 2 ** height;
  if (start % span !== 0) throw new RangeError(`A subtree of height ${height} cannot start at leaf ${start}`);
  const level = Math.floor(height / TILE_HEIGHT);
  const width = 2 ** (height % TILE_HEIGHT);
  const first = start / TILE_WIDTH ** level;
  if (width === 1) return hashAt(level, first);
  const row = new Uint8Array(width * HASH_SIZE);
  for (let i = 0; i < width; i++) row.set(hashAt(level, first + i), i * HASH_SIZE);
  return hashUp(row);
}

/** MTH(D[start:end]), split as RFC 6962 splits a list: the left part the largest power of two. */
export function rangeHash(start: number, end: number, hashAt: HashAt): Uint8Array {
  const n = end - start;
  if (n < 0 || !Number.isSafeInteger(start) || !Number.isSafeInteger(end)) throw new RangeError(`No leaves [${start}, ${end})`);
  if (n === 0) return emptyTreeHash();
  const height = Math.round(Math.log2(n));
  if (2 ** height === n && start % n === 0) return subtreeHash(start, height, hashAt);
  const k = splitPoint(n);
  return nodeHash(rangeHash(start, start + k, hashAt), rangeHash(start + k, end, hashAt));
}
