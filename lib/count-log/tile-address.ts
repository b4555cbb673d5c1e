import { tileWidth } from "@/lib/domain/count-log";

/** What a tile path names (C2SP tlog-tiles): a hash tile's level or the entry bundles, the tile's index, and its width. */
export type TileAddress = { level: number | "entries"; index: number; width: number };

// A tile index in groups of three digits, all but the last marked with x: 1234067 is x001/x234/067.
const indexGroups = /^(?:x\d{3}\/)*\d{3}$/;
const level = /^(?:0|[1-9]\d?)$/;
const width = /^(?:[1-9]\d{0,2})$/;
// Far beyond any tree this app writes (2^53 leaves), so a path of more levels names nothing.
const highestLevel = 6;

/** The tile a path below `tile/` names, or undefined when the path is not one the specification can write. */
export function parseTilePath(path: string): TileAddress | undefined {
  const [first, ...rest] = path.split("/");
  if (first === undefined || rest.length === 0) return undefined;
  if (first !== "entries" && !(level.test(first) && Number(first) <= highestLevel)) return undefined;
  let indexPath = rest.join("/");
  let tileWidthAsked = tileWidth;
  const partial = /^(.*)\.p\/([^/]+)$/.exec(indexPath);
  if (partial) {
    if (!width.test(partial[2]!) || Number(partial[2]) >= tileWidth) return undefined;
    indexPath = partial[1]!;
    tileWidthAsked = Number(partial[2]);
  }
  if (!indexGroups.test(indexPath)) return undefined;
  const index = Number(indexPath.replaceAll("x", "").replaceAll("/", ""));
  // One way to write each index: no group of zeros before the first digit that counts.
  if (!Number.isSafeInteger(index) || tilePath(index) !== indexPath) return undefined;
  return { level: first === "entries" ? "entries" : Number(first), index, width: tileWidthAsked };
}

/** A tile index as the specification writes it in a path. */
export function tilePath(index: number): string {
  const digits = String(index);
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end).padStart(3, "0"));
  return groups.map((group, i) => (i < groups.length - 1 ? `x${group}` : group)).join("/");
}
