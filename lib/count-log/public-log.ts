import { entriesLevel, tileWidth, type LogStats, type LogTile } from "@/lib/domain/count-log";
import { campaignForSigning } from "../campaign-for-signing";
import { isPublished } from "../campaign-state";
import { stores } from "../stores";
import { emptyTreeHash } from "./merkle";
import { logOrigin, logVerifierKey, signedCheckpoint } from "./signing";
import { parseTilePath } from "./tile-address";

/** A file of a campaign's public log (C2SP tlog-tiles under /log/<slug>/), or why there is none. */
export type LogFile =
  | { kind: "file"; body: Uint8Array | string; contentType: string; cacheControl: string }
  | { kind: "not-found" }
  | { kind: "bad-path" };

// Full tiles and bundles never change; nor does a partial one of a given width. The checkpoint moves about once a second.
const forever = "public, max-age=31536000, immutable";
const briefly = "public, max-age=2";
const text = "text/plain; charset=utf-8";
const commitmentShape = /^[0-9a-f]{64}$/;

/** The published figures, their keys in order, stamped with the tree size they were counted at. */
const statsFile = (origin: string, treeSize: number, count: number, stats: LogStats) => {
  const sorted = (table: Record<string, number>) => Object.fromEntries(Object.entries(table).sort(([a], [b]) => (a < b ? -1 : 1)));
  return JSON.stringify({ origin, treeSize, count, byHow: sorted(stats.byHow), byCountry: sorted(stats.byCountry), byDay: sorted(stats.byDay) });
};

/** The first `width` items of a stored tile: hashes of 32 bytes, or bundled entries each after its uint16 length. */
function prefix(tile: LogTile, width: number): Uint8Array {
  if (tile.level !== entriesLevel) return tile.data.subarray(0, width * 32);
  let end = 0;
  for (let i = 0; i < width; i++) end += 2 + ((tile.data[end]! << 8) | tile.data[end + 1]!);
  return tile.data.subarray(0, end);
}

/**
 * One file of the log, served from what the sequencer stored: nothing is hashed per request but an empty log's checkpoint.
 * A campaign that is not published has no log here, whatever the path; a path the specification cannot write is refused.
 */
export async function publicLogFile(slug: string, path: string): Promise<LogFile> {
  const campaign = await campaignForSigning.get(slug);
  if (!campaign || !isPublished(campaign)) return { kind: "not-found" };
  const log = await stores().countLog.readLog(campaign.id);
  const origin = log?.origin ?? logOrigin(slug);

  if (path === "checkpoint") {
    const body = log?.checkpoint ?? signedCheckpoint(origin, 0, emptyTreeHash);
    return { kind: "file", body, contentType: text, cacheControl: briefly };
  }
  if (path === "vkey") return { kind: "file", body: `${logVerifierKey(origin)}\n`, contentType: text, cacheControl: "public, max-age=3600" };
  if (path === "stats.json") {
    const body = statsFile(origin, log?.size ?? 0, log?.count ?? 0, log?.stats ?? { byHow: {}, byCountry: {}, byDay: {} });
    return { kind: "file", body, contentType: "application/json; charset=utf-8", cacheControl: briefly };
  }
  if (path.startsWith("lookup/")) {
    const commitment = path.slice("lookup/".length);
    if (!commitmentShape.test(commitment)) return { kind: "bad-path" };
    const found = await stores().countLog.findCommitment(campaign.id, commitment);
    if (!found) return { kind: "not-found" };
    return { kind: "file", body: JSON.stringify({ index: found.position, removedBy: found.removedBy }), contentType: "application/json; charset=utf-8", cacheControl: "no-store" };
  }
  if (path.startsWith("tile/")) {
    const address = parseTilePath(path.slice("tile/".length));
    if (!address) return { kind: "bad-path" };
    const level = address.level === "entries" ? entriesLevel : address.level;
    const tile = await stores().countLog.readTile(campaign.id, level, address.index);
    // A full tile is asked for without a width, so only a full one answers it; a partial one, by any tile holding as many.
    if (!tile || tile.width < address.width || (address.width === tileWidth && tile.width !== tileWidth)) return { kind: "not-found" };
    return { kind: "file", body: prefix(tile, address.width), contentType: "application/octet-stream", cacheControl: forever };
  }
  return { kind: "not-found" };
}
