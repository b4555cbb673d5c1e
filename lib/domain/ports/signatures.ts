import type { QueuedMail, NewSignature, Signature, SignatureStatus } from "../model";
import type { NewReason } from "../reasons";
import type { SignatureListPage, SignaturePageRequest, SignatureSearch } from "../signature-search";

export type ConfirmationSecret = { tokenHash: string; codeHash: string; expiresAt: Date };
/** `imported`: the row came from a CSV import and no signature here has yet been confirmed for its address. */
export type ExistingSignature = { id: number; status: SignatureStatus; imported: boolean; receiptSalt: string | null };

/** What to do when the address has signed before, decided by the caller and done in the same transaction. */
export type RepeatPlan =
  | { kind: "nothing" }
  /** A new link and code for the row (made if it has none), within `limits`; confirming it proves the address. */
  | {
      kind: "renew-confirmation";
      confirmation: ConfirmationSecret;
      mail: QueuedMail;
      limits: { maxSends: number; minIntervalMs: number };
    }
  | { kind: "note"; mail: QueuedMail; unlessQueuedSince: Date };

/**
 * One point taken from a shared limit in the caller's own transaction: `key` may act `points` times
 * a window. With `blockMs`, the try that first goes over locks the key for that long from itself.
 */
export type LimitCharge = { key: string; points: number; windowMs: number; blockMs?: number };

export type InsertOutcome =
  /** Stored (or a suspected row replaced); `signerNumber` counts confirmed signatures, unique per campaign. */
  | { kind: "signed"; signatureId: number; signerNumber: number }
  /** The address had signed; `nextSignerNumber` is what a new confirmed signer would be given. */
  | { kind: "repeat"; existing: ExistingSignature; nextSignerNumber: number }
  /** A limit was reached: nothing was stored, and the client may try again after this long. */
  | { kind: "limited"; retryAfterMs: number };

export type InsertExtras = {
  confirmation?: ConfirmationSecret;
  /** The first email, written once the signature's id and number are known. */
  mail?: (inserted: { signatureId: number; signerNumber: number }) => QueuedMail;
  repeat?: (existing: ExistingSignature) => RepeatPlan;
  /** Limits the signature counts against, taken in its own transaction whether or not the address had signed. */
  limits?: readonly LimitCharge[];
  /** The signer's reason for the page, stored with a first signature (a repeat's is not: it would replace the first's). */
  reason?: NewReason;
};

export type ConfirmOutcome =
  /** `receiptSalt`: the signature's own, for the receipt link (lib/receipts.ts). */
  | { kind: "confirmed"; signatureId: number; slug: string; signaturesElsewhere: number; signerNumber: number; fullName: string; receiptSalt: string | null }
  | { kind: "unknown" | "expired" | "locked" | "wrong-code" };

export type PendingConfirmation = { signatureId: number; slug: string; title: string; expiresAt: Date };
export type WithdrawalTarget = { slug: string; title: string; status: SignatureStatus };
export type MailboxSignature = Pick<Signature, "id" | "fullName" | "email" | "status" | "signedAt"> & { slug: string };
/** A confirmed signer who agreed to be listed, as stored (lib/campaign-status.ts shows them). */
export type ListedSigner = Pick<Signature, "fullName" | "country" | "signedAt">;
export type SeedSigner = Pick<Signature, "fullName" | "email" | "emailKey" | "emailDomain" | "country" | "comment" | "showName" | "wantsUpdates">;
/** One range of a campaign's export, as CSV bytes ready for the socket. */
export type CsvPage = { csv: Uint8Array; rows: number };

export interface SignatureStore {
  insertSignature(values: NewSignature, extras?: InsertExtras): Promise<InsertOutcome>;
  confirmByToken(tokenHash: string, now: Date): Promise<ConfirmOutcome>;
  confirmByCode(campaignId: number, emailKey: string, matches: (codeHash: string) => boolean, now: Date, maxAttempts: number): Promise<ConfirmOutcome>;
  findConfirmationByToken(tokenHash: string): Promise<PendingConfirmation | undefined>;
  /**
   * Deletes the signatures, their counted ones leaving the count log for `reason`; given a mailbox's email key (an erasure,
   * not a withdrawal), also its unsubscribes from updates, in the same transaction.
   */
  eraseSignatures(ids: number[], now: Date, reason: "withdrawn" | "erased", mailboxKey?: string): Promise<{ erased: number }>;
  findSignatureForWithdrawal(signatureId: number): Promise<WithdrawalTarget | undefined>;
  findSignaturesByEmailKey(emailKey: string): Promise<MailboxSignature[]>;
  listRecentPublicSigners(campaignId: number, limit: number): Promise<ListedSigner[]>;
  countSignaturesSince(campaignId: number, since: Date): Promise<number>;
  /** Confirmed signatures whose referrer is the given signature. */
  countConfirmedReferrals(referrerId: number): Promise<number>;
  /** One page of the organisers' search, newest first, from a keyset cursor (lib/domain/signature-search.ts). */
  searchSignatures(search: SignatureSearch, page: SignaturePageRequest): Promise<SignatureListPage>;
  /** Writes `key` of the name of up to `batch` signatures stored without one; returns how many. */
  fillMissingNameKeys(key: (name: string) => string, batch: number): Promise<number>;
  /** A campaign's signatures of the given statuses as CSV records, in id order, a range at a time. */
  exportSignatureCsv(campaignId: number, statuses: readonly SignatureStatus[]): AsyncGenerator<CsvPage>;
  insertSeedSignatures(campaignId: number, count: number, row: (i: number) => SeedSigner, startAt?: number): Promise<void>;
}
