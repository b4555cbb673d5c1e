import type { NewUpdate, PublicUpdate, QueueStep, UpdateClaim, UpdateSummary } from "../update";

/** Updates to signers (lib/updates/). */
export interface UpdateStore {
  insertUpdate(update: NewUpdate): Promise<number>;
  /** Newest first, with where each one's messages are. */
  listUpdates(campaignId: number): Promise<UpdateSummary[]>;
  /** The updates the organiser chose to show on the campaign page, newest first. */
  listPublicUpdates(campaignId: number): Promise<PublicUpdate[]>;
  /**
   * Signers an update may reach: confirmed, asked for updates, not unsubscribed, and their address
   * proved (confirmed by email here, or imported). The same rule queues and, again, claims.
   */
  countUpdateRecipients(campaignId: number): Promise<number>;
  /** Queues the update for the next range of `batchSize` signature ids, in one short transaction. */
  queueUpdateBatch(updateId: number, batchSize: number, now: Date): Promise<QueueStep>;
  listUnqueuedUpdates(): Promise<number[]>;
  /** Due update messages, no more than `perMinute` a minute across all processes; signers' own mail is claimDueMail's. */
  claimUpdateMail(now: Date, limit: number, leaseMs: number, perMinute: number): Promise<UpdateClaim>;
  /** Records the address as unsubscribed from the signature's campaign and drops its queued updates; false when no such signature. */
  unsubscribeFromUpdates(signatureId: number, now: Date): Promise<boolean>;
}
