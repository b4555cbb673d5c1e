import { createHash, randomBytes } from "node:crypto";
import { entriesLevel, tileWidth, type Appended, type LogState, type LogStats, type LogTile, type WaitingEntry } from "@/lib/domain/count-log";
import { Frontier, leafHash, type TileHash } from "./merkle";

/** The commitment an add publishes (README, "Proof of the count"): nobody can tie it to an address without the salt. */
export function commitment(origin: string, receiptSalt: string, emailKey: string): string {
  return createHash("sha256")
    .update(`countersign-commitment-v1\n${origin}\n`)
    .update(Buffer.from(receiptSalt, "hex"))
    .update(`\n${emailKey}`)
    .digest("hex");
}

const utcDay = (minute: number) => new Date(minute * 60_000).toISOString().slice(0, 10);

function move(stats: LogStats, figures: { minute: number; how: keyof LogStats["byHow"]; country: string }, by: 1 | -1): void {
  const bump = (table: Record<string, number>, key: string) => {
    const next = (table[key] ?? 0) + by;
    if (next === 0) delete table[key];
    else table[key] = next;
  };
  bump(stats.byHow as Record<string, number>, figures.how);
  bump(stats.byCountry, figures.country);
  bump(stats.byDay, utcDay(figures.minute));
}

/**
 * Places `waiting` (in the order stored) after the log's last entry: each entry's line, with the count after it, goes in a
 * bundle and its leaf hash in the tree. `partials` are the log's stored partial tiles and bundle, which the new ones extend.
 */
export function appendEntries(log: LogState, partials: readonly LogTile[], waiting: readonly WaitingEntry[]): Appended {
  const frontier = Frontier.load(log.size, Buffer.concat(log.frontier));
  const stats: LogStats = structuredClone(log.stats);
  let count = log.count;
  const placedAt = new Map<number, number>();
  const placed: Appended["placed"] = [];
  const hashes: TileHash[] = [];
  const lines: Buffer[] = [];
  // One draw for the batch's commitments that are nobody's (a signature erased before its place, or one from a seed).
  const unowned = randomBytes(32 * waiting.filter((entry) => entry.kind === "add" && !entry.signer).length);
  let nextUnowned = 0;

  for (const entry of waiting) {
    const position = frontier.size;
    let line: string;
    let made: string | null = null;
    if (entry.kind === "add") {
      count++;
      const country = entry.country.toUpperCase();
      move(stats, { minute: entry.minute, how: entry.how, country }, 1);
      // A signature erased before its place was given leaves a commitment that is nobody's.
      made = entry.signer
        ? commitment(log.origin, entry.signer.receiptSalt, entry.signer.emailKey)
        : unowned.subarray(32 * nextUnowned, 32 * ++nextUnowned).toString("hex");
      line = `add ${entry.minute} ${country} ${entry.how} ${made} ${count}`;
    } else {
      const cancelled = entry.cancelsPosition ?? placedAt.get(entry.cancels);
      if (cancelled === undefined) throw new Error(`log entry ${entry.id} removes add ${entry.cancels}, which has no place in campaign ${log.campaignId}'s log`);
      count--;
      move(stats, { ...entry.cancelled, country: entry.cancelled.country.toUpperCase() }, -1);
      line = `remove ${entry.minute} ${cancelled} ${entry.reason} ${count}`;
    }
    const bytes = Buffer.from(line, "ascii");
    placedAt.set(entry.id, position);
    placed.push({ id: entry.id, position, commitment: made });
    lines.push(bytes);
    frontier.append(leafHash(bytes), hashes);
  }

  const bundled = lines.map((line, i) => ({ level: entriesLevel, index: log.size + i, hash: withLength(line) }));
  return {
    state: { ...log, size: frontier.size, count, frontier: splitFrontier(frontier.stored()), stats },
    root: frontier.root(),
    placed,
    tiles: grownTiles(partials, [...bundled, ...hashes]),
  };
}

/** The tiles and bundle a log of `size` entries has partly filled, which its next batch extends. */
export function partialTiles(size: number): { level: number; index: number; width: number }[] {
  const partial = [{ level: entriesLevel, index: Math.floor(size / tileWidth), width: size % tileWidth }];
  for (let level = 0, below = size; below > 0; level++, below = Math.floor(below / tileWidth)) {
    partial.push({ level, index: Math.floor(below / tileWidth), width: below % tileWidth });
  }
  return partial.filter((tile) => tile.width > 0);
}

/** An entry as a bundle holds it: its length as a big-endian uint16, then its bytes. */
function withLength(line: Buffer): Buffer {
  const framed = Buffer.alloc(2 + line.length);
  framed.writeUInt16BE(line.length, 0);
  line.copy(framed, 2);
  return framed;
}

const splitFrontier = (stored: Buffer): Buffer[] => Array.from({ length: stored.length / 32 }, (_, i) => stored.subarray(i * 32, (i + 1) * 32));

/** Each tile the new items fall in, as stored after them: a stored partial tile's items, then the new. */
function grownTiles(partials: readonly LogTile[], items: readonly TileHash[]): LogTile[] {
  const tiles = new Map<string, { level: number; index: number; parts: Uint8Array[]; width: number }>();
  for (const item of items) {
    const index = Math.floor(item.index / tileWidth);
    const key = `${item.level}/${index}`;
    let tile = tiles.get(key);
    if (!tile) {
      const partial = partials.find((p) => p.level === item.level && p.index === index);
      tile = { level: item.level, index, parts: partial ? [partial.data] : [], width: partial?.width ?? 0 };
      tiles.set(key, tile);
    }
    if (item.index % tileWidth !== tile.width) throw new Error(`tile ${key} holds ${tile.width} items, and the next is item ${item.index}`);
    tile.parts.push(item.hash);
    tile.width++;
  }
  return [...tiles.values()].map(({ level, index, parts, width }) => ({ level, index, width, data: Buffer.concat(parts) }));
}
