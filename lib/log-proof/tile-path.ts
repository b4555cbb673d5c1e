// Where C2SP tlog-tiles serves each tile and entry bundle of a tree, and which ones a tree has.

/** Each tile covers 8 levels of the tree, so holds up to 256 hashes. */
export const TILE_HEIGHT = 8;
export const TILE_WIDTH = 256;

/** A tile of one level: `width` hashes (256 for a full tile) starting at hash `index * 256` of that level. */
export type Tile = { level: number; index: number; width: number };

/** The tile number as path elements: 1234067 → "x001/x234/067", 5 → "005". */
export function tileIndexPath(index: number): string {
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError(`Not a tile index: ${index}`);
  const groups: string[] = [];
  let rest = index;
  do {
    groups.unshift(String(rest % 1000).padStart(3, "0"));
    rest = Math.floor(rest / 1000);
  } while (rest > 0);
  return groups.map((group, i) => (i < groups.length - 1 ? `x${group}` : group)).join("/");
}

function widthSuffix(width: number): string {
  if (!Number.isInteger(width) || width < 1 || width > TILE_WIDTH) throw new RangeError(`Not a tile width: ${width}`);
  return width === TILE_WIDTH ? "" : `.p/${width}`;
}

/** "tile/<L>/<N>" or, for a partial tile, "tile/<L>/<N>.p/<W>". */
export function tilePath(tile: Tile): string {
  return `tile/${tile.level}/${tileIndexPath(tile.index)}${widthSuffix(tile.width)}`;
}

/** The entry bundle beside level-0 tile `tile`: "tile/entries/<N>[.p/<W>]". */
export function bundlePath(tile: Pick<Tile, "index" | "width">): string {
  return `tile/entries/${tileIndexPath(tile.index)}${widthSuffix(tile.width)}`;
}

/** How many hashes a tree of `size` leaves has at a tile level: its complete nodes of height 8 × level. */
export function hashesAtLevel(size: number, level: number): number {
  return Math.floor(size / TILE_WIDTH ** level);
}

/** The number of tile levels a tree has: those that still hold at least one hash (0 for an empty tree). */
export function levelCount(size: number): number {
  let levels = 0;
  while (hashesAtLevel(size, levels) > 0) levels++;
  return levels;
}

/** The tile of `level` holding hash `hashIndex` of that level, as wide as a tree of `size` makes it. */
export function tileHolding(size: number, level: number, hashIndex: number): Tile {
  const hashes = hashesAtLevel(size, level);
  if (hashIndex >= hashes) throw new RangeError(`A tree of ${size} has no hash ${hashIndex} at level ${level}`);
  const index = Math.floor(hashIndex / TILE_WIDTH);
  return { level, index, width: Math.min(TILE_WIDTH, hashes - index * TILE_WIDTH) };
}

/** Every tile of one level of a tree of `size`, in order: the full ones, then the partial one if any. */
export function tilesAtLevel(size: number, level: number): Tile[] {
  const hashes = hashesAtLevel(size, level);
  const tiles: Tile[] = [];
  for (let index = 0; index * TILE_WIDTH < hashes; index++) {
    tiles.push({ level, index, width: Math.min(TILE_WIDTH, hashes - index * TILE_WIDTH) });
  }
  return tiles;
}
