// The public log of a campaign's count (README, "Proof of the count"): what its entries say, in the words of the
// specification they are written to. The writer is lib/count-log/; the checker, written apart, lib/log-proof/.

/** How an added signature came to count: confirmed by the emailed link or code, counted without confirmation, or imported. */
export const logHows = ["email", "open", "import"] as const;
export type LogHow = (typeof logHows)[number];

/** Why a counted signature stopped counting. */
export const removeReasons = ["withdrawn", "erased", "invalidated", "undone"] as const;
export type RemoveReason = (typeof removeReasons)[number];

/** An entry stored in its signature's transaction and not yet given its place in the log. */
export type WaitingEntry =
  | {
      id: number;
      campaignId: number;
      kind: "add";
      minute: number;
      how: LogHow;
      country: string;
      /** What the commitment is made of: the signature's receipt salt and email key; null once the signature is gone. */
      signer: { receiptSalt: string; emailKey: string } | null;
    }
  /** `cancels` is the waiting or placed add it removes, by id; `cancelsPosition` its place once it has one. */
  | {
      id: number;
      campaignId: number;
      kind: "remove";
      minute: number;
      reason: RemoveReason;
      cancels: number;
      cancelsPosition: number | null;
      /** The add's own figures, which its removal takes back out of the stats. */
      cancelled: { minute: number; how: LogHow; country: string };
    };

/** A campaign's log as stored after its last batch. `frontier` holds the roots of the perfect subtrees that make up the
 * tree, largest first (one per set bit of `size`); the partial tiles are the last of each level. */
export type LogState = {
  campaignId: number;
  origin: string;
  size: number;
  count: number;
  frontier: Uint8Array[];
  stats: LogStats;
};

/** The published figures (stats.json): counted adds by how, by country and by UTC day, as of `treeSize`. */
export type LogStats = {
  byHow: Partial<Record<LogHow, number>>;
  byCountry: Record<string, number>;
  byDay: Record<string, number>;
};

/** Tile level of the entry bundles, beside the hash tiles' levels 0 and up. */
export const entriesLevel = -1;

/** Entries per tile and per bundle (C2SP tlog-tiles' height of 8). */
export const tileWidth = 256;

/** One stored tile or bundle: the first `width` hashes or entries of tile `index` at `level`. */
export type LogTile = { level: number; index: number; width: number; data: Uint8Array };

/** A minute as the entries write time: whole minutes since the Unix epoch, so no entry dates a signature to the second. */
export const unixMinute = (at: Date): number => Math.floor(at.getTime() / 60_000);

/** What one batch gives a campaign's log: each entry's place (and an add's commitment), the tiles it grew, the new root. */
export type Appended = {
  state: LogState;
  root: Uint8Array;
  placed: { id: number; position: number; commitment: string | null }[];
  tiles: LogTile[];
};

/** A campaign's log as published: its last signed checkpoint and the figures stamped with its size. */
export type PublishedLog = { origin: string; size: number; count: number; checkpoint: string; stats: LogStats; sequencedAt: Date };
