import { entriesLevel, tileWidth, type LogTile } from "@/lib/domain/count-log";

const hashSize = 32;

type OpenTile = { level: number; index: number; width: number; data: Buffer };
type OpenBundle = { index: number; width: number; stored: Uint8Array | undefined; from: number; to: number };

/**
 * The tiles and bundles a batch grows, filled as its hashes and entries come, each after what its stored partial tile holds.
 * A hash tile is one buffer of a full tile's size that hashes are written into; a bundle is the stored part and a span of the
 * batch's framed entries, joined once at the end.
 */
export class GrownTiles {
  private readonly hashTiles = new Map<number, OpenTile>();
  private readonly done: OpenTile[] = [];
  private readonly bundles: OpenBundle[] = [];

  constructor(
    private readonly partials: readonly LogTile[],
    private readonly framed: Buffer,
  ) {}

  /** The tree's hash `hash` (hex) at `level`, the `index`th there. */
  hash(level: number, index: number, hash: string): void {
    const tileIndex = Math.floor(index / tileWidth);
    let tile = this.hashTiles.get(level);
    if (tile?.index !== tileIndex) {
      if (tile) this.done.push(tile);
      const partial = this.partial(level, tileIndex);
      tile = { level, index: tileIndex, width: partial?.width ?? 0, data: Buffer.allocUnsafe(tileWidth * hashSize) };
      if (partial) tile.data.set(partial.data);
      this.hashTiles.set(level, tile);
    }
    this.follows(tile.width, level, index);
    tile.data.write(hash, tile.width * hashSize, "hex");
    tile.width++;
  }

  /** The `index`th entry of the log, framed as bundles hold it at `from` to `to` of the batch's framed entries. */
  entry(index: number, from: number, to: number): void {
    const bundleIndex = Math.floor(index / tileWidth);
    let bundle = this.bundles.at(-1);
    if (bundle?.index !== bundleIndex) {
      const stored = this.partial(entriesLevel, bundleIndex);
      bundle = { index: bundleIndex, width: stored?.width ?? 0, stored: stored?.data, from, to: from };
      this.bundles.push(bundle);
    }
    this.follows(bundle.width, entriesLevel, index);
    bundle.to = to;
    bundle.width++;
  }

  tiles(): LogTile[] {
    const hashTiles = [...this.done, ...this.hashTiles.values()].map(({ level, index, width, data }) => ({ level, index, width, data: data.subarray(0, width * hashSize) }));
    const bundles = this.bundles.map(({ index, width, stored, from, to }) => {
      const added = this.framed.subarray(from, to);
      return { level: entriesLevel, index, width, data: stored ? Buffer.concat([stored, added]) : added };
    });
    return [...bundles, ...hashTiles];
  }

  private partial(level: number, index: number): LogTile | undefined {
    return this.partials.find((p) => p.level === level && p.index === index);
  }

  private follows(width: number, level: number, index: number): void {
    if (index % tileWidth !== width) throw new Error(`tile ${level}/${Math.floor(index / tileWidth)} holds ${width} items, and the next is item ${index}`);
  }
}
