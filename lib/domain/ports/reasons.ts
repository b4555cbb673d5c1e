import type { LimitCharge } from "./signatures";
import type { ReasonMarkKind, ReasonOrder, ReasonSettings, ReasonShownAs, ReasonState } from "../reasons";

/** A reason as stored with what the page needs of its signature; lib/reasons.ts makes it public (the name shortened). */
export type ReasonRow = { id: number; text: string; shownAs: ReasonShownAs; fullName: string; country: string; agrees: number; createdAt: Date };
export type QueuedReasonRow = ReasonRow & { state: ReasonState; reports: number; signatureId: number; signatureStatus: string };

export type MarkOutcome = { kind: "counted"; held: boolean } | { kind: "repeat" } | { kind: "unknown" } | { kind: "limited"; retryAfterMs: number };

/** Signers' reasons: the wall, readers' marks, and the organisers' queue. */
export interface ReasonStore {
  readReasonSettings(campaignId: number): Promise<ReasonSettings>;
  saveReasonSettings(campaignId: number, settings: ReasonSettings): Promise<void>;
  /** Shown reasons whose signature counts, a page of them, and how many there are in all. */
  listShownReasons(campaignId: number, order: ReasonOrder, offset: number, limit: number): Promise<{ rows: ReasonRow[]; total: number }>;
  findShownReason(campaignId: number, reasonId: number): Promise<ReasonRow | undefined>;
  /** Ids of reasons that left the page since `since`, newest first. */
  listGoneReasons(campaignId: number, since: Date, limit: number): Promise<number[]>;
  listReasonQueue(campaignId: number, states: readonly ReasonState[], limit: number): Promise<QueuedReasonRow[]>;
  /** Sets the reasons' state (approving marks them approved, so reports no longer hold them); returns their signatures' ids. */
  decideReasons(campaignId: number, slug: string, ids: readonly number[], state: "shown" | "hidden", now: Date): Promise<number[]>;
  /** Counts a reader's mark once, in the transaction that takes its limits; a report past `holdAfter` holds the reason. */
  markReason(
    campaignId: number,
    reasonId: number,
    kind: ReasonMarkKind,
    mark: string,
    limits: readonly LimitCharge[],
    holdAfter: number | undefined,
    now: Date,
  ): Promise<MarkOutcome>;
}
