import type { RateLimiterAbstract } from "rate-limiter-flexible";
import type { Role } from "./domain/roles";
import type { ImportCounts, ImportedSigner, SignatureImport, StagedImport } from "./domain/signature-import";
import type {
  OrganiserIdentity,
  OrganiserAccount,
  AuditEvent,
  BlockedEmail,
  BlockKind,
  Invitation,
  MailDraft,
  MailProblem,
  NewSignature,
  Organiser,
  OutboxMessage,
  Campaign,
  CampaignChange,
  CampaignContent,
  CampaignStanding,
  CampaignSummary,
  CampaignTitles,
  Signature,
  SignatureStatus,
} from "./domain/model";
import type { NewUpdate, PublicUpdate, QueueStep, UpdateClaim, UpdateSummary } from "./domain/update";
import type { SignatureListPage, SignaturePageRequest, SignatureSearch } from "./domain/signature-search";

// What the domain asks of a database. Each dialect (db/sqlite/, db/postgres/) implements all of
// it with the same names; db/store.ts picks one at start. Nothing here says which one runs.

export type ConfirmationSecret = { tokenHash: string; codeHash: string; expiresAt: Date };
export type ExistingSignature = { id: number; status: SignatureStatus };

/** What to do when the address has signed before, decided by the caller and done in the same transaction. */
export type RepeatPlan =
  | { kind: "nothing" }
  | {
      kind: "renew-confirmation";
      confirmation: ConfirmationSecret;
      mail: MailDraft;
      limits: { maxSends: number; minIntervalMs: number };
    }
  | { kind: "note"; mail: MailDraft; unlessQueuedSince: Date };

export type InsertOutcome =
  /** Stored (or a suspected row replaced); `signerNumber` counts confirmed signatures, unique per campaign. */
  | { kind: "signed"; signatureId: number; signerNumber: number }
  /** The address had signed; `nextSignerNumber` is what a new confirmed signer would be given. */
  | { kind: "repeat"; existing: ExistingSignature; nextSignerNumber: number };

export type InsertExtras = {
  confirmation?: ConfirmationSecret;
  /** The first email, written once the signature's id and number are known. */
  mail?: (inserted: { signatureId: number; signerNumber: number }) => MailDraft;
  repeat?: (existing: ExistingSignature) => RepeatPlan;
};

export type ConfirmOutcome =
  | { kind: "confirmed"; signatureId: number; slug: string; signaturesElsewhere: number; signerNumber: number; fullName: string }
  | { kind: "unknown" | "expired" | "locked" | "wrong-code" };

export type PendingConfirmation = { signatureId: number; slug: string; title: string; expiresAt: Date };
export type WithdrawalTarget = { slug: string; title: string; status: SignatureStatus };
export type MailboxSignature = Pick<Signature, "id" | "fullName" | "email" | "status" | "signedAt"> & { slug: string };
export type PublicSigner = Pick<Signature, "fullName" | "country" | "signedAt">;

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
};

export type SuspectedSignature = Pick<Signature, "id" | "fullName" | "email" | "emailKey" | "locale">;
/** How a released signature continues: counted at once, or confirmed by email first. */
export type Release = { kind: "count" } | { kind: "confirm"; confirmation: ConfirmationSecret; mail: MailDraft };

export type SeedSigner = Pick<Signature, "fullName" | "email" | "emailKey" | "emailDomain" | "country" | "comment" | "showName" | "wantsUpdates">;
export type RateLimiterOptions = { name: string; points: number; durationSeconds: number; blockSeconds?: number };
/** One range of a campaign's export, as CSV bytes ready for the socket. */
export type CsvPage = { csv: Uint8Array; rows: number };

// The figures behind the organisers' charts, counted by the database. Suspected signatures are
// never in them; the time series keeps the invalidated apart, the others leave them out.
export type TimeUnit = "hour" | "day";
/** Signatures signed in the UTC hour or day starting at `start`, by the status they have now. */
export type SignatureBucket = { start: Date; confirmed: number; pending: number; invalidated: number };
/** Signatures that count or await confirmation from one country (ISO 3166-1 alpha-2). */
export type CountryCount = { country: string; count: number };
export type ReferralSummary = {
  /** Signatures that came through a signer's share link. */
  referred: number;
  /** Signatures that came without one. */
  direct: number;
  /** How many signers' links brought at least one. */
  sharers: number;
  /** What the links that brought most brought, most first: counts only, never whose. */
  topSharers: number[];
};
/** Signatures whose time to fill is at least `fromMs` and under the next edge; `fromMs` null when unknown. */
export type FillTimeCount = { fromMs: number | null; count: number };

/** A confirmed signer as the delivery report lists them: name and country, never how to reach them. */
export type SignerName = Pick<Signature, "id" | "fullName" | "country">;
/** A campaign's confirmed signatures by how they came to count. */
export type VerificationCounts = {
  /** The signer followed the emailed link or typed its code. */
  byEmail: number;
  /** Counted at once: confirmation was off, or an organiser released them. */
  withoutEmail: number;
  /** Brought in from another platform's CSV: gathered there, never confirmed by email here. */
  imported: number;
};

/**
 * Who asks for a change to the organisers, and whether their role allows it: the store reads that
 * role inside the change's own transaction, so a member demoted a moment ago is refused.
 */
export type OrganiserActor = { id: number; may: (role: Role) => boolean };

export type MembershipChange =
  | { kind: "done"; email: string; previousRole: Role }
  /** The actor may not; the member does not exist; or the change would leave no owner. */
  | { kind: "forbidden" | "unknown" | "last-owner" };

export type NewInvitation = Pick<Invitation, "email" | "role" | "createdAt" | "expiresAt"> & { tokenHash: string };

export type InvitationInsert =
  /** `replaced`: earlier invitations to the same address still open, whose links no longer work. */
  | { kind: "invited"; replaced: number }
  /** The actor may not invite, or the address already has an account. */
  | { kind: "forbidden" | "member" };

export type InvitationAcceptance =
  | { kind: "accepted"; organiser: OrganiserIdentity; invitedBy: string }
  /** No such invitation (or revoked); accepted already; past its time; or the address has an account since. */
  | { kind: "unknown" | "used" | "expired" | "member" };

export type InvitationRevocation = { kind: "done"; email: string } | { kind: "forbidden" | "unknown" };

/** A CSV file waiting for the organiser's next step (lib/imports/). */
export type NewSignatureImport = Pick<StagedImport, "campaignId" | "fileName" | "createdBy" | "createdAt" | "totalRows"> & { stagedCsv: string };
/** `stopped`: the import is no longer running (undone meanwhile, or never begun); nothing was stored. */
export type ImportBatchOutcome = { kind: "stored"; inserted: number } | { kind: "stopped" };

export interface Store {
  // Set-up and health
  migrateDatabase(): Promise<void>;
  /** Whether the database answers and every migration has been applied. */
  databaseReady(): Promise<boolean>;
  closeDatabase(): Promise<void>;
  /** Where a generated secret key may live beside the data, or undefined when SECRET_KEY is required. */
  secretKeyLocation(): string | undefined;
  /** Resolves once erased data has left every log the database keeps of it. */
  erasedDataSettled(): Promise<void>;
  /**
   * Calls `listener` with a campaign's slug when its public count moves in any process, and with
   * nothing when changes may have been missed (look again at everything).
   */
  onPublicChange(listener: (slug?: string) => void): void;
  /** Starts what this process does for the database in the background, once the server runs. */
  startBackgroundWork(): void;
  backupDatabase(targetPath: string): Promise<{ pages: number }>;

  // Campaigns
  /** Creates or refreshes a campaign from its content/ file; one edited in the admin is left as it is. */
  upsertCampaign(content: CampaignContent, now?: Date): Promise<void>;
  /** Creates a campaign from the admin; false when its slug is taken (slugs are never freed). */
  createCampaign(content: CampaignContent, now: Date): Promise<boolean>;
  /** Changes a campaign from the admin, marking it edited; false when there is no such campaign. */
  updateCampaign(slug: string, change: CampaignChange, now: Date): Promise<boolean>;
  /** The campaign with its text in every language it has. */
  findCampaign(slug: string): Promise<Campaign | undefined>;
  /** The petition row alone (on PostgreSQL with its deltas not yet folded): never its translations or signatures. */
  readCampaignStanding(slug: string): Promise<CampaignStanding | undefined>;
  /** The campaign's title in its own language and in each translation. */
  readCampaignTitles(slug: string): Promise<CampaignTitles | undefined>;
  listCampaigns(): Promise<CampaignSummary[]>;
  setRequireConfirmation(slug: string, required: boolean): Promise<void>;
  /** Publishes each campaign's pending figure as `round(pendingCount)`; returns how many moved. */
  publishPendingFigures(round: (pending: number) => number): Promise<number>;
  /** Counts every campaign's signatures from its rows and says where the kept count differs. */
  recountCampaigns(): Promise<{ slug: string; kept: number; counted: number; keptPending: number; countedPending: number }[]>;

  // Signatures
  insertSignature(values: NewSignature, extras?: InsertExtras): Promise<InsertOutcome>;
  confirmByToken(tokenHash: string, now: Date): Promise<ConfirmOutcome>;
  confirmByCode(campaignId: number, emailKey: string, matches: (codeHash: string) => boolean, now: Date, maxAttempts: number): Promise<ConfirmOutcome>;
  findConfirmationByToken(tokenHash: string): Promise<PendingConfirmation | undefined>;
  /**
   * Deletes the signatures; given a mailbox's email key (an erasure, not a withdrawal), also its
   * unsubscribes from updates, in the same transaction.
   */
  eraseSignatures(ids: number[], now: Date, mailboxKey?: string): Promise<{ erased: number }>;
  findSignatureForWithdrawal(signatureId: number): Promise<WithdrawalTarget | undefined>;
  findSignaturesByEmailKey(emailKey: string): Promise<MailboxSignature[]>;
  listRecentPublicSigners(campaignId: number, limit: number): Promise<PublicSigner[]>;
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

  // CSV imports: each step its own short transaction, so a large file never holds SQLite's writer
  insertSignatureImport(staged: NewSignatureImport): Promise<number>;
  /** The import with its staged file (null once imported, undone or expired). */
  findSignatureImport(campaignId: number, importId: number): Promise<StagedImport | undefined>;
  /** A campaign's imports, newest first, without their files. */
  listSignatureImports(campaignId: number): Promise<SignatureImport[]>;
  /** How many confirmed signatures a campaign's imports brought that are still there. */
  countImportedSignatures(campaignId: number): Promise<number>;
  /** Which of these address keys have a signature on the campaign already, whatever its status. */
  findSignedEmailKeys(campaignId: number, emailKeys: readonly string[]): Promise<string[]>;
  /** Records the mapping and the file's counts and marks it importing; false unless it was staged or importing. */
  beginSignatureImport(importId: number, mapping: string, counts: Pick<ImportCounts, "totalRows" | "validRows" | "invalidRows">): Promise<boolean>;
  /**
   * Stores signers as confirmed signatures of the import, skipping any address the campaign has
   * already, and moves the counts and the import's tally in the same transaction.
   */
  insertImportedSignatures(importId: number, signers: readonly ImportedSigner[], now: Date): Promise<ImportBatchOutcome>;
  /** Marks a running import done and drops its file; undefined unless it was importing. */
  finishSignatureImport(importId: number, now: Date): Promise<SignatureImport | undefined>;
  /** Marks an import (running, done or half undone) as being undone; false otherwise. */
  beginUndoSignatureImport(importId: number): Promise<boolean>;
  /** Deletes up to `limit` of the import's signatures and fixes the counts; returns how many went. */
  deleteImportedSignatures(importId: number, limit: number, now: Date): Promise<number>;
  /** Marks an import being undone as undone; false when it was not (another request finished it). */
  finishUndoSignatureImport(importId: number, now: Date): Promise<boolean>;
  /** Deletes imports staged before `before` and never run, with their files. */
  deleteStaleImports(before: Date): Promise<number>;
  /** Drops the files of imports begun before `before` and still running (cut short); the rows stay, for undo. */
  dropStaleImportFiles(before: Date): Promise<number>;

  // Charts
  /** Per UTC hour or day in [from, to) (from the first signature when `from` is not given); only buckets with any, oldest first. */
  signatureTimeSeries(campaignId: number, range: { unit: TimeUnit; from?: Date; to: Date }): Promise<SignatureBucket[]>;
  /** Most first, then by code. */
  signaturesByCountry(campaignId: number): Promise<CountryCount[]>;
  referralSummary(campaignId: number, top: number): Promise<ReferralSummary>;
  /** Per bucket of time to fill, `edgesMs` ascending from 0; only buckets with any. */
  fillTimeHistogram(campaignId: number, edgesMs: readonly number[]): Promise<FillTimeCount[]>;

  // Delivery report
  /** Up to `limit` confirmed signers with ids above `afterId`, in id order: one keyset page. */
  listSignerNames(campaignId: number, afterId: number, limit: number): Promise<SignerName[]>;
  countVerification(campaignId: number): Promise<VerificationCounts>;

  // Moderation
  countMatchingSignatures(filter: SignatureFilter): Promise<number>;
  invalidateSignatures(filter: SignatureFilter, now: Date): Promise<number>;
  releaseSuspected(filter: Omit<SignatureFilter, "suspected">, release: (signature: SuspectedSignature) => Release, now: Date): Promise<number>;
  addBlockedEmail(kind: BlockKind, value: string, createdBy: string, now: Date): Promise<boolean>;
  removeBlockedEmail(id: number): Promise<void>;
  listBlockedEmails(): Promise<BlockedEmail[]>;
  recordAuditEvent(event: Omit<AuditEvent, "id">): Promise<void>;
  listAuditEvents(limit: number): Promise<AuditEvent[]>;

  // Mail
  enqueueMail(draft: MailDraft, now: Date): Promise<void>;
  claimDueMail(now: Date, limit: number, leaseMs: number): Promise<OutboxMessage[]>;
  markMailSent(id: number, now: Date): Promise<void>;
  markMailFailed(id: number, error: string, now: Date, retryAt: Date | undefined): Promise<void>;
  listMailProblems(limit: number): Promise<MailProblem[]>;
  countUnsentMail(): Promise<number>;

  // Updates to signers (lib/updates/)
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

  // Organisers
  findOrganiserByEmail(email: string): Promise<OrganiserAccount | undefined>;
  /** Adds an organiser with the role named; false when the email already has an account. */
  insertOrganiser(email: string, passwordHash: string, role: Role, now?: Date): Promise<boolean>;
  listOrganisers(): Promise<Organiser[]>;
  /** Never leaves the organisers without an owner. */
  changeOrganiserRole(actor: OrganiserActor, organiserId: number, role: Role): Promise<MembershipChange>;
  /** Deletes the account with its sessions and the invitations it sent; never the last owner. */
  removeOrganiser(actor: OrganiserActor, organiserId: number): Promise<MembershipChange>;
  /** Stores an invitation and queues its email in one transaction, replacing any still open to the address. */
  insertInvitation(actor: OrganiserActor, invitation: NewInvitation, mail?: MailDraft): Promise<InvitationInsert>;
  findInvitationByToken(tokenHash: string): Promise<Invitation | undefined>;
  /** Makes the account and marks the invitation used, once, in one transaction. */
  acceptInvitation(tokenHash: string, passwordHash: string, now: Date): Promise<InvitationAcceptance>;
  /** Invitations not yet accepted, expired ones included, newest first. */
  listOpenInvitations(): Promise<Invitation[]>;
  /** Deletes an invitation not yet accepted; its link stops working. */
  revokeInvitation(actor: OrganiserActor, invitationId: number): Promise<InvitationRevocation>;
  insertSession(session: { id: string; organiserId: number; createdAt: Date; expiresAt: Date }): Promise<void>;
  findSessionOrganiser(sessionId: string, now?: Date): Promise<OrganiserIdentity | undefined>;
  deleteSession(sessionId: string): Promise<void>;
  deleteExpiredSessions(now?: Date): Promise<number>;

  // Limits, jobs, retention
  rateLimiter(options: RateLimiterOptions): RateLimiterAbstract;
  claimJobRun(name: string, everyMs: number, now: Date): Promise<boolean>;
  deleteUnconfirmable(now: Date, linkLifetimeMs: number): Promise<number>;
  clearClientAddresses(before: Date): Promise<number>;
  deleteOldMail(sentBefore: Date, failedBefore: Date): Promise<number>;
  deleteExpiredLimits(now: Date): Promise<number>;
}
