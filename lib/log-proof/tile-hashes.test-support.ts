// Reading hashes out of a reference log's tile files, for the tests of the tree and its proofs.
import { HASH_SIZE } from "./hashes";
import type { ReferenceLog } from "./reference-log";
import { hashesAtLevel, tileHolding, tilePath } from "./tile-path";
import type { HashAt } from "./tree";

/**
 * The hashes of the tree of the log's first `size` leaves. A smaller tree's complete nodes are the
 * whole log's, so one log's tiles serve every size up to its own; a hash the smaller tree does not
 * have yet throws, as its partial tile would not hold it.
 */
export function tileHashAt(log: ReferenceLog, size = log.lines.length): HashAt {
  return (level, index) => {
    if (index >= hashesAtLevel(size, level)) throw new Error(`A tree of ${size} has no hash ${index} at level ${level}`);
    const path = tilePath(tileHolding(log.lines.length, level, index));
    const tile = log.files.get(path);
    if (!tile) throw new Error(`The reference log has no ${path}`);
    const offset = (index % 256) * HASH_SIZE;
    return tile.subarray(offset, offset + HASH_SIZE);
  };
}
