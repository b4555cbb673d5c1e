// RFC 6962 section 2.1 hashing: leaves and interior nodes are hashed with different prefixes so
// that a leaf can never be passed off as a node.
import { sha256 } from "@noble/hashes/sha2";

export const HASH_SIZE = 32;

const leafPrefix = new Uint8Array([0x00]);
const nodePrefix = new Uint8Array([0x01]);

// Checking a log of a million entries takes millions of hashes: one hasher is reset from a blank
// one for each instead of allocating a fresh one (a third faster). Safe because hashing is synchronous.
const blank = sha256.create();
const scratch = sha256.create();

function finish(out: Uint8Array, offset: number): Uint8Array {
  const target = out.subarray(offset, offset + HASH_SIZE);
  if (target.length !== HASH_SIZE) throw new RangeError(`No room for a hash at byte ${offset} of ${out.length}`);
  scratch.digestInto(target);
  return target;
}

/** MTH({}) = SHA-256 of nothing. */
export function emptyTreeHash(): Uint8Array {
  return sha256(new Uint8Array(0));
}

/** SHA-256(0x00 || entry), written into `out` at `offset` when given. */
export function leafHash(entry: Uint8Array, out = new Uint8Array(HASH_SIZE), offset = 0): Uint8Array {
  blank._cloneInto(scratch);
  scratch.update(leafPrefix).update(entry);
  return finish(out, offset);
}

/** SHA-256(0x01 || left || right), written into `out` at `offset` when given (it may overlap the inputs). */
export function nodeHash(left: Uint8Array, right: Uint8Array, out = new Uint8Array(HASH_SIZE), offset = 0): Uint8Array {
  blank._cloneInto(scratch);
  scratch.update(nodePrefix).update(left).update(right);
  return finish(out, offset);
}

/**
 * The root of a perfect subtree given its bottom row: `row` holds a power-of-two number of
 * consecutive node hashes of one height. The row is left untouched.
 */
export function hashUp(row: Uint8Array): Uint8Array {
  let width = row.length / HASH_SIZE;
  if (!Number.isInteger(width) || width < 1 || (width & (width - 1)) !== 0) {
    throw new RangeError(`A row of ${row.length} bytes is not a power-of-two number of hashes`);
  }
  if (width === 1) return row.slice();
  const work = new Uint8Array(row.length / 2);
  for (let i = 0; i < width / 2; i++) {
    nodeHash(row.subarray(2 * i * HASH_SIZE, (2 * i + 1) * HASH_SIZE), row.subarray((2 * i + 1) * HASH_SIZE, (2 * i + 2) * HASH_SIZE), work, i * HASH_SIZE);
  }
  for (width /= 2; width > 1; width /= 2) {
    for (let i = 0; i < width / 2; i++) {
      nodeHash(work.subarray(2 * i * HASH_SIZE, (2 * i + 1) * HASH_SIZE), work.subarray((2 * i + 1) * HASH_SIZE, (2 * i + 2) * HASH_SIZE), work, i * HASH_SIZE);
    }
  }
  return work.slice(0, HASH_SIZE);
}
