import type { AuditEvent, BlockedEmail, BlockKind, QueuedMail, Signature } from "../model";
import type { ConfirmationSecret } from "./signatures";

/**
 * Which signatures an organiser means. Without `suspected`, the ones that count or await
 * confirmation; with it, the ones the bot trap caught.
 */
export type SignatureFilter = {
  campaignId: number;
  suspected?: boolean;
  clientAddress?: string;
  emailDomain?: string;
  from?: Date;
  to?: Date;
  /** Sent back sooner than this after the form was shown. */
  filledUnderMs?: number;
  /** Only these signatures (an organiser's choice of reasons to hide with their signatures). */
  signatureIds?: readonly number[];
};

export type SuspectedSignature = Pick<Signature, "id" | "fullName" | "email" | "emailKey" | "locale"> & { receiptSalt: string | null };
/** How a released signature continues: counted at once, or confirmed by email first. */
export type Release = { kind: "count" } | { kind: "confirm"; confirmation: ConfirmationSecret; mail: QueuedMail };

/** Organisers' bulk judgements on signatures, the block list, and the audit log. */
export interface ModerationStore {
  countMatchingSignatures(filter: SignatureFilter): Promise<number>;
  invalidateSignatures(filter: SignatureFilter, now: Date): Promise<number>;
  releaseSuspected(filter: Omit<SignatureFilter, "suspected">, release: (signature: SuspectedSignature) => Release, now: Date): Promise<number>;
  addBlockedEmail(kind: BlockKind, value: string, createdBy: string, now: Date): Promise<boolean>;
  removeBlockedEmail(id: number): Promise<void>;
  listBlockedEmails(): Promise<BlockedEmail[]>;
  recordAuditEvent(event: Omit<AuditEvent, "id">): Promise<void>;
  listAuditEvents(limit: number): Promise<AuditEvent[]>;
}
