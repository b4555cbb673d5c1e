// The verifier's own copy of what a log's checkpoints commit to: every leaf hash recomputed from
// the entries, every tile above checked against the level below, the entries replayed. A newer
// checkpoint is verified by fetching only what it adds; the root check covers the rest.
import type { Checkpoint } from "@/lib/log-proof/checkpoint";
import { toBase64 } from "@/lib/log-proof/bytes";
import { entryText, parseEntry, splitBundle } from "@/lib/log-proof/entries";
import { HASH_SIZE, hashUp, leafHash } from "@/lib/log-proof/hashes";
import { Replay, type Tally } from "@/lib/log-proof/replay";
import { bundlePath, levelCount, TILE_WIDTH, tilePath, tilesAtLevel, type Tile } from "@/lib/log-proof/tile-path";
import { rangeHash, type HashAt } from "@/lib/log-proof/tree";
import { loadInOrder } from "./in-order";
import { Disagreement } from "./outcomes";
import { figure } from "./report";
import type { SiteReader } from "./site-reader";

/** What one advance checked, for the report; `seconds` is the time taken over the entries and level 0. */
export type AdvanceFigures = { entries: number; bundles: number; upperTiles: number; levels: number; seconds: number };

const tileBytes = TILE_WIDTH * HASH_SIZE;
// Bundles and tiles loading ahead of the one being checked; the site reader caps requests in flight.
const loadAhead = 16;

function sameHash(a: Uint8Array, aAt: number, b: Uint8Array, bAt: number): boolean {
  for (let i = 0; i < HASH_SIZE; i++) if (a[aAt + i] !== b[bAt + i]) return false;
  return true;
}

export class VerifiedLog {
  size = 0;
  readonly replay = new Replay(1024);
  /** The replay's tally when it reached `tallySize` entries, once it has. */
  tally: Tally | null = null;
  private tallySize = -1;
  private leafHashes = new Uint8Array(0);
  /** Verified tiles of levels 1 and up, by "level/index"; a tile's width is its length / 32. */
  private readonly upperTiles = new Map<string, Uint8Array>();
  /** The count after each entry since markCounts(), starting with the count then. */
  private counts: number[] = [0];

  constructor(private readonly site: SiteReader) {}

  /** Keeps the tally at `size` entries when the replay passes it (stats.json's treeSize). */
  keepTallyAt(size: number): void {
    this.tallySize = size;
    if (this.replay.size === size) this.tally = this.replay.tally();
  }

  markCounts(): void {
    this.counts = [this.replay.count];
  }

  /** Whether the log's count was `count` at the mark or after any entry since. */
  hadCountSinceMark(count: number): boolean {
    return this.counts.includes(count);
  }

  /** Hash `index` of tile level `level` of the verified tree. */
  readonly hashAt: HashAt = (level, index) => {
    if (level === 0) return this.leafHashes.subarray(index * HASH_SIZE, (index + 1) * HASH_SIZE);
    const tile = this.upperTiles.get(`${level}/${Math.floor(index / TILE_WIDTH)}`);
    const offset = (index % TILE_WIDTH) * HASH_SIZE;
    if (!tile || tile.length < offset + HASH_SIZE) throw new Error(`Tile hash ${level}/${index} was read before it was verified`);
    return tile.subarray(offset, offset + HASH_SIZE);
  };

  /** MTH of the first `size` leaves (size ≤ the verified size), from the verified tiles. */
  rootOf(size: number): Uint8Array {
    return rangeHash(0, size, this.hashAt);
  }

  /** Verifies everything `checkpoint` commits to beyond what this copy has already verified. */
  async advanceTo(checkpoint: Checkpoint): Promise<AdvanceFigures> {
    const started = performance.now();
    const { size } = checkpoint;
    if (size < this.size) throw new Disagreement("checkpoint", `the newer checkpoint has ${figure(size)} entries, fewer than the ${figure(this.size)} of the one before`);
    const grown = new Uint8Array(size * HASH_SIZE);
    grown.set(this.leafHashes);
    this.leafHashes = grown;
    const from = this.size;
    const level0 = tilesAtLevel(size, 0).slice(Math.floor(from / TILE_WIDTH));
    const load = async (tile: Tile) => {
      const [bundle, hashes] = await Promise.all([this.site.logFile(bundlePath(tile)), this.site.logFile(tilePath(tile))]);
      return { tile, bundle, hashes };
    };
    for await (const { tile, bundle, hashes } of loadInOrder(level0.length, (i) => load(level0[i] as Tile), loadAhead)) {
      this.checkBundle(tile, this.present(bundle, bundlePath(tile), checkpoint), this.present(hashes, tilePath(tile), checkpoint));
    }
    this.size = size;
    const seconds = (performance.now() - started) / 1000;
    const upper = await this.checkUpperTiles(checkpoint);
    const root = this.rootOf(size);
    if (toBase64(root) !== toBase64(checkpoint.rootHash)) {
      throw new Disagreement("root", `the root of the tiles, ${toBase64(root)}, is not the checkpoint's ${toBase64(checkpoint.rootHash)} (${figure(size)} entries)`);
    }
    return { entries: size - from, bundles: level0.length, upperTiles: upper, levels: levelCount(size), seconds };
  }

  private present(bytes: Uint8Array | null, path: string, checkpoint: Checkpoint): Uint8Array {
    if (!bytes) throw new Disagreement("tiles", `${this.site.logUrl(path)} is missing (404), though the checkpoint of ${figure(checkpoint.size)} entries needs it`);
    return bytes;
  }

  /** One entry bundle against its level-0 tile: each entry's leaf hash, then the entry replayed. */
  private checkBundle(tile: Tile, bundle: Uint8Array, hashes: Uint8Array): void {
    const bundleName = bundlePath(tile);
    const tileName = tilePath(tile);
    if (hashes.length !== tile.width * HASH_SIZE) throw new Disagreement("tiles", `${tileName} has ${hashes.length} bytes, not ${tile.width * HASH_SIZE}`);
    const entries = splitBundle(bundle);
    if (!entries.ok) throw new Disagreement("entries", `${bundleName}: ${entries.error}`);
    if (entries.value.length !== tile.width) throw new Disagreement("entries", `${bundleName} holds ${entries.value.length} entries, not ${tile.width}`);
    const scratch = new Uint8Array(HASH_SIZE);
    entries.value.forEach((bytes, j) => {
      const index = tile.index * TILE_WIDTH + j;
      if (index < this.size) {
        // A partial bundle fetched again as it grew: what was checked before must not have changed.
        if (!sameHash(leafHash(bytes, scratch), 0, this.leafHashes, index * HASH_SIZE)) {
          throw new Disagreement("entries", `entry ${index} in ${bundleName} is not the entry checked under the checkpoint before`);
        }
        return;
      }
      leafHash(bytes, this.leafHashes, index * HASH_SIZE);
      if (!sameHash(this.leafHashes, index * HASH_SIZE, hashes, j * HASH_SIZE)) {
        throw new Disagreement("entries", `hash ${j} of ${tileName} is not the leaf hash of entry ${index} (number ${j} in ${bundleName})`);
      }
      const text = entryText(bytes);
      const entry = text.ok ? parseEntry(text.value) : text;
      if (!entry.ok) throw new Disagreement("replay", `entry ${index} (${bundleName}) is malformed: ${entry.error}`);
      const wrong = this.replay.apply(entry.value);
      if (wrong) throw new Disagreement("replay", `${wrong} (${bundleName})`);
      this.counts.push(this.replay.count);
      if (this.replay.size === this.tallySize) this.tally = this.replay.tally();
    });
  }

  /** Each tile of levels 1 and up not yet verified at its width, recomputed from the full tiles below it. */
  private async checkUpperTiles(checkpoint: Checkpoint): Promise<number> {
    let checked = 0;
    for (let level = 1; level < levelCount(checkpoint.size); level++) {
      const unverified = tilesAtLevel(checkpoint.size, level).filter((tile) => this.upperTiles.get(`${level}/${tile.index}`)?.length !== tile.width * HASH_SIZE);
      const fetched = await Promise.all(unverified.map((tile) => this.site.logFile(tilePath(tile))));
      unverified.forEach((tile, i) => {
        const bytes = this.present(fetched[i] ?? null, tilePath(tile), checkpoint);
        if (bytes.length !== tile.width * HASH_SIZE) throw new Disagreement("tiles", `${tilePath(tile)} has ${bytes.length} bytes, not ${tile.width * HASH_SIZE}`);
        for (let i = 0; i < tile.width; i++) {
          const below = tile.index * TILE_WIDTH + i;
          if (!sameHash(hashUp(this.fullTile(level - 1, below)), 0, bytes, i * HASH_SIZE)) {
            throw new Disagreement("tiles", `hash ${i} of ${tilePath(tile)} is not the hash of ${tilePath({ level: level - 1, index: below, width: TILE_WIDTH })}`);
          }
        }
        this.upperTiles.set(`${level}/${tile.index}`, bytes);
        checked++;
      });
    }
    return checked;
  }

  private fullTile(level: number, index: number): Uint8Array {
    if (level === 0) return this.leafHashes.subarray(index * tileBytes, (index + 1) * tileBytes);
    const tile = this.upperTiles.get(`${level}/${index}`);
    if (tile?.length !== tileBytes) throw new Error(`Tile ${level}/${index} is not verified as full`);
    return tile;
  }
}
