import { hash, randomBytes } from "node:crypto";
import { entriesLevel, tileWidth, type Appended, type LogState, type LogStats, type LogTile, type WaitingEntry } from "@/lib/domain/count-log";
import { GrownTiles } from "./grown-tiles";
import { Frontier, leafHash } from "./merkle";

/**
 * The commitments an add publishes (README, "Proof of the count"): nobody can tie one to an address without the salt. The
 * sequencer makes thousands a second, so `countersign-commitment-v1`, the origin and their newlines are laid out once a
 * batch in a buffer that each signer's salt and email key then follow, hashed in one shot.
 */
function commitments(origin: string): (receiptSalt: string, emailKey: string) => string {
  const prefix = Buffer.from(`countersign-commitment-v1\n${origin}\n`);
  let input = Buffer.alloc(prefix.length + 512);
  prefix.copy(input);
  return (receiptSalt, emailKey) => {
    const needed = prefix.length + receiptSalt.length / 2 + 1 + Buffer.byteLength(emailKey);
    if (needed > input.length) {
      input = Buffer.alloc(2 * needed);
      prefix.copy(input);
    }
    let at = prefix.length + input.write(receiptSalt, prefix.length, "hex");
    at = input.writeUInt8(0x0a, at);
    at += input.write(emailKey, at, "utf8");
    return hash("sha256", input.subarray(0, at), "hex");
  };
}

/** Each entry's UTC day, worked out once per day a batch spans rather than once per entry. */
function utcDays(): (minute: number) => string {
  const days = new Map<number, string>();
  return (minute) => {
    const day = Math.floor(minute / 1_440);
    let text = days.get(day);
    if (text === undefined) days.set(day, (text = new Date(day * 86_400_000).toISOString().slice(0, 10)));
    return text;
  };
}

function bump(table: Record<string, number>, key: string, by: 1 | -1): void {
  const next = (table[key] ?? 0) + by;
  if (next === 0) delete table[key];
  else table[key] = next;
}

/**
 * Places `waiting` (in the order stored) after the log's last entry: each entry's line, with the count after it, goes in a
 * bundle and its leaf hash in the tree. `partials` are the log's stored partial tiles and bundle, which the new ones extend.
 */
export function appendEntries(log: LogState, partials: readonly LogTile[], waiting: readonly WaitingEntry[]): Appended {
  const stats: LogStats = structuredClone(log.stats);
  const byHow = stats.byHow as Record<string, number>;
  const utcDay = utcDays();
  const commitment = commitments(log.origin);
  let count = log.count;
  const placedAt = new Map<number, number>();
  const placed: Appended["placed"] = [];
  const lines: string[] = [];
  // One draw for the batch's commitments that are nobody's (a signature erased before its place, or one from a seed).
  const unowned = randomBytes(32 * waiting.filter((entry) => entry.kind === "add" && !entry.signer).length);
  let nextUnowned = 0;

  for (const entry of waiting) {
    const position = log.size + lines.length;
    let made: string | null = null;
    if (entry.kind === "add") {
      count++;
      const country = entry.country.toUpperCase();
      bump(byHow, entry.how, 1);
      bump(stats.byCountry, country, 1);
      bump(stats.byDay, utcDay(entry.minute), 1);
      // A signature erased before its place was given leaves a commitment that is nobody's.
      made = entry.signer
        ? commitment(entry.signer.receiptSalt, entry.signer.emailKey)
        : unowned.subarray(32 * nextUnowned, 32 * ++nextUnowned).toString("hex");
      lines.push(`add ${entry.minute} ${country} ${entry.how} ${made} ${count}`);
    } else {
      const cancelled = entry.cancelsPosition ?? placedAt.get(entry.cancels);
      if (cancelled === undefined) throw new Error(`log entry ${entry.id} removes add ${entry.cancels}, which has no place in campaign ${log.campaignId}'s log`);
      count--;
      bump(byHow, entry.cancelled.how, -1);
      bump(stats.byCountry, entry.cancelled.country.toUpperCase(), -1);
      bump(stats.byDay, utcDay(entry.cancelled.minute), -1);
      lines.push(`remove ${entry.minute} ${cancelled} ${entry.reason} ${count}`);
    }
    placedAt.set(entry.id, position);
    placed.push({ id: entry.id, position, commitment: made });
  }

  // The batch's entries framed as a bundle holds them (a big-endian uint16 length, then the line) in one buffer, which the
  // bundles and leaf hashes view: a buffer or two apiece was most of what the sequencer left the collector.
  const framed = Buffer.allocUnsafe(lines.reduce((total, line) => total + 2 + line.length, 0));
  const frontier = Frontier.load(log.size, Buffer.concat(log.frontier));
  const tiles = new GrownTiles(partials, framed);
  const toTile = tiles.hash.bind(tiles);
  let at = 0;
  lines.forEach((line, i) => {
    framed.writeUInt16BE(line.length, at);
    const end = at + 2 + framed.write(line, at + 2, "ascii");
    tiles.entry(log.size + i, at, end);
    frontier.append(leafHash(framed.subarray(at + 2, end)), toTile);
    at = end;
  });

  return {
    state: { ...log, size: frontier.size, count, frontier: splitFrontier(frontier.stored()), stats },
    root: frontier.root(),
    placed,
    tiles: tiles.tiles(),
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

const splitFrontier = (stored: Buffer): Buffer[] => Array.from({ length: stored.length / 32 }, (_, i) => stored.subarray(i * 32, (i + 1) * 32));
