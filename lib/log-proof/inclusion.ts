// RFC 6962 audit paths: the hashes that tie one leaf to the root of a tree of a given size.
import { equalBytes } from "./bytes";
import { nodeHash } from "./hashes";
import { rangeHash, splitPoint, type HashAt } from "./tree";

/**
 * PATH(m, D[start:end]) of RFC 6962 section 2.1.1, nearest the leaf first:
 * PATH(m, D[n]) = PATH(m, D[0:k]) : MTH(D[k:n]) when m < k, else PATH(m − k, D[k:n]) : MTH(D[0:k]).
 */
function path(index: number, start: number, end: number, hashAt: HashAt): Uint8Array[] {
  if (end - start <= 1) return [];
  const middle = start + splitPoint(end - start);
  return index < middle
    ? [...path(index, start, middle, hashAt), rangeHash(middle, end, hashAt)]
    : [...path(index, middle, end, hashAt), rangeHash(start, middle, hashAt)];
}

/** The audit path of leaf `index` in the tree of the first `size` leaves. */
export function inclusionProof(index: number, size: number, hashAt: HashAt): Uint8Array[] {
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) throw new RangeError(`Leaf ${index} is not in a tree of ${size}`);
  return path(index, 0, size, hashAt);
}

const half = (n: number) => Math.floor(n / 2);
const odd = (n: number) => n % 2 === 1;

/** Whether `proof` ties `leaf` at `index` to `root` of a tree of `size` (RFC 9162 section 2.1.3.2). */
export function verifyInclusion(index: number, size: number, leaf: Uint8Array, proof: Uint8Array[], root: Uint8Array): boolean {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let hash = leaf;
  for (const sibling of proof) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      hash = nodeHash(sibling, hash);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      hash = nodeHash(hash, sibling);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && equalBytes(hash, root);
}
