import type { Appended, LogState, LogTile, PublishedLog, WaitingEntry } from "../count-log";

/** How the sequencer makes a batch: the writer's own code, handed to the store, which runs it before its transaction. */
export type LogWriter = {
  /** The origin a campaign's log takes at its first entry, and keeps. */
  originFor(slug: string): string;
  append(log: LogState, partials: readonly LogTile[], waiting: readonly WaitingEntry[]): Appended;
  /** The checkpoint, signed, for a tree of this size and root. */
  checkpoint(origin: string, size: number, root: Uint8Array): string;
  /** Which of the log's stored tiles `append` extends, and how many items each holds at this size. */
  partials(size: number): { level: number; index: number; width: number }[];
};

/** The count log's stored side (README, "Proof of the count"). Entries are written by the stores that move counts. */
export interface CountLogStore {
  /**
   * Places up to `limit` waiting entries, oldest first: read and hashed holding no lock, then written in one transaction, one
   * writer at a time across processes, which drops the batch if another placed entries since it read. How many it placed.
   */
  sequenceLogs(limit: number, writer: LogWriter): Promise<number>;
  readLog(campaignId: number): Promise<PublishedLog | undefined>;
  readTile(campaignId: number, level: number, index: number): Promise<LogTile | undefined>;
  /** Where an add with this commitment is: its position (null while waiting) and the remove that cancelled it. */
  findCommitment(campaignId: number, commitment: string): Promise<{ position: number | null; removedBy: number | null } | undefined>;
  /** Entries stored and not yet placed: the log's lag behind the count. */
  countWaiting(campaignId: number): Promise<number>;
}
