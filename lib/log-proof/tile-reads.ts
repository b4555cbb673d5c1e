// Fetching just the tiles a computation over a tree reads: a browser checking one receipt needs a
// dozen tiles, not the whole log.
import { HASH_SIZE } from "./hashes";
import type { ReadLogFile } from "./log-files";
import { accept, refuse, type Checked } from "./result";
import { TILE_WIDTH, tileHolding, tilePath, type Tile } from "./tile-path";
import type { HashAt } from "./tree";

const placeholder = new Uint8Array(HASH_SIZE);

/**
 * Runs `compute` over the tree of the first `size` leaves. It is run twice: first with stand-in
 * hashes to learn which tiles it reads (what it reads never depends on the hashes), then, once
 * those tiles are fetched, for real.
 */
export async function computeFromTiles<T>(size: number, read: ReadLogFile, compute: (hashAt: HashAt) => T): Promise<Checked<T>> {
  const wanted = new Map<string, Tile>();
  compute((level, index) => {
    const tile = tileHolding(size, level, index);
    wanted.set(tilePath(tile), tile);
    return placeholder;
  });
  const fetched = new Map<string, Uint8Array>();
  const problems = await Promise.all(
    [...wanted].map(async ([path, tile]) => {
      const bytes = await read(path);
      if (!bytes) return `${path} is missing`;
      if (bytes.length !== tile.width * HASH_SIZE) return `${path} has ${bytes.length} bytes, not ${tile.width * HASH_SIZE}`;
      fetched.set(path, bytes);
      return null;
    }),
  );
  const problem = problems.find((p) => p !== null);
  if (problem) return refuse(problem);
  return accept(
    compute((level, index) => {
      const bytes = fetched.get(tilePath(tileHolding(size, level, index)));
      if (!bytes) throw new Error(`Tile hash ${level}/${index} was read only on the second pass`);
      const offset = (index % TILE_WIDTH) * HASH_SIZE;
      return bytes.subarray(offset, offset + HASH_SIZE);
    }),
  );
}
