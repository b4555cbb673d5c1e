// The things Countersign keeps, as the domain speaks of them: dates are Dates, flags are booleans.
// Each database dialect maps its rows to these inside db/ (see lib/store-contract.ts).
import type { Role } from "./roles";
import type { Locale } from "./locales";

export const signatureStatuses = ["pending", "confirmed", "invalidated", "suspected"] as const;
/** Only confirmed signatures count; pending ones wait for email, suspected ones for an organiser. */
export type SignatureStatus = (typeof signatureStatuses)[number];

/** Drafts are seen by organisers only; an unpublished campaign was taken down after being live. */
export const campaignStates = ["draft", "published", "unpublished"] as const;
export type CampaignState = (typeof campaignStates)[number];

/** What a campaign says, in one language. */
export type CampaignText = {
  title: string;
  ask: string;
  storyHeadline: string;
  storyMarkdown: string;
  /** What a translation says of itself (which text is authoritative); null for the original. */
  translationNote: string | null;
};

export type Campaign = {
  id: number;
  slug: string;
  /** The language the campaign was written in: the text below is in it. */
  locale: Locale;
  title: string;
  ask: string;
  goal: number;
  signaturesElsewhere: number;
  requireConfirmation: boolean;
  storyHeadline: string;
  storyPublishedAt: string | null;
  storyUpdatedAt: string | null;
  storyMarkdown: string;
  /** The campaign in other languages; never in its own (lib/campaign-text.ts picks one). */
  translations: Partial<Record<Locale, CampaignText>>;
  state: CampaignState;
  /** When signing stops; null while it goes on. */
  closesAt: Date | null;
  /** Whether the goal shown steps up the ladder once reached (lib/goal-ladder.ts). */
  steppingGoals: boolean;
  /** The last change made in the admin; a campaign with one is never overwritten by its content/ file. */
  editedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

/** A campaign as its content files describe it; its counts are the database's own. */
export type CampaignContent = Omit<
  Campaign,
  | "id"
  | "createdAt"
  | "updatedAt"
  | "editedAt"
  | "locale"
  | "translations"
  | "signaturesElsewhere"
  | "requireConfirmation"
  | "storyPublishedAt"
  | "storyUpdatedAt"
  | "state"
  | "closesAt"
  | "steppingGoals"
> & {
  /** English unless said. */
  locale?: Locale;
  /** Every translation the campaign has: one missing here is removed from the database. */
  translations?: Partial<Record<Locale, CampaignText>>;
  signaturesElsewhere?: number;
  requireConfirmation?: boolean;
  storyPublishedAt?: string | null;
  storyUpdatedAt?: string | null;
  /** Published unless said: content/ files are live campaigns. */
  state?: CampaignState;
  closesAt?: Date | null;
  steppingGoals?: boolean;
};

/** What an organiser changes in a campaign; its slug never changes. */
export type CampaignChange = Partial<Omit<CampaignContent, "slug">>;

/** A campaign's count and what the live counter needs, read without touching its signatures. */
export type CampaignStanding = {
  id: number;
  slug: string;
  /** The campaign's own language: signers who name none are written to in it. */
  locale: Locale;
  /** In the campaign's own language; petitionTitles has the others. */
  title: string;
  goal: number;
  signaturesElsewhere: number;
  /** Confirmed signatures made here. */
  signatureCount: number;
  /** Waiting for email confirmation, exactly (organisers see this). */
  pendingCount: number;
  /** What the public is told of pendingCount (lib/pending-figure.ts). */
  pendingFigure: number;
  requireConfirmation: boolean;
  state: CampaignState;
  closesAt: Date | null;
  steppingGoals: boolean;
  /** Moves with every change the public can see. */
  revision: number;
  updatedAt: Date;
};

/** A campaign's title in its own language and in each translation: what mail and share cards name it by. */
export type CampaignTitles = Pick<Campaign, "id" | "slug" | "locale" | "title"> & { translations: Partial<Record<Locale, string>> };

export type CampaignSummary = Pick<
  CampaignStanding,
  "slug" | "title" | "goal" | "signaturesElsewhere" | "signatureCount" | "pendingCount" | "requireConfirmation" | "state" | "closesAt"
>;

export type Signature = {
  id: number;
  campaignId: number;
  status: SignatureStatus;
  fullName: string;
  email: string;
  emailKey: string;
  emailDomain: string;
  country: string;
  comment: string | null;
  showName: boolean;
  wantsUpdates: boolean;
  clientAddress: string | null;
  /** How long the form was open before it was sent; null when unknown (the JSON API). */
  fillMs: number | null;
  /** The language the signer signed in, and so the one every email to them is written in. */
  locale: Locale;
  /**
   * The signature whose share link brought this signer (lib/referrals.ts). Not a foreign key: ids
   * are never handed out twice, so a referrer since erased leaves an id that points at nothing.
   */
  referrerId: number | null;
  signedAt: Date;
  /** When the signer confirmed by email; null when the signature counted without it. */
  confirmedAt: Date | null;
  invalidatedAt: Date | null;
};

/** A signature to store. The status is required: a caller must choose it, never inherit one. */
export type NewSignature = Pick<Signature, "campaignId" | "status" | "fullName" | "email" | "emailKey" | "emailDomain" | "country" | "signedAt"> &
  Partial<Pick<Signature, "showName" | "wantsUpdates" | "locale">> & {
    /** 32 random bytes in hex, for the signer's receipt (lib/receipts.ts). */
    receiptSalt: string;
    referrerId?: number | null;
    comment?: string | null;
    clientAddress?: string | null;
    fillMs?: number | null;
  };

export type OrganiserAccount = { id: number; email: string; passwordHash: string; role: Role; createdAt: Date };
/** A signed-in organiser, with the role read from the database for this request. */
export type OrganiserIdentity = Pick<OrganiserAccount, "id" | "email" | "role">;
/** An organiser as the organisers' page lists them. */
export type Organiser = Pick<OrganiserAccount, "id" | "email" | "role" | "createdAt">;

/** An invitation to become an organiser; the emailed link's token is never kept, only its hash. */
export type Invitation = {
  id: number;
  email: string;
  role: Role;
  /** The email of the organiser who invited them. */
  invitedBy: string;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
};

export type AuditEvent = {
  id: number;
  actor: string;
  action: string;
  campaignSlug: string | null;
  detail: string;
  rowCount: number;
  createdAt: Date;
};

export type BlockKind = "domain" | "address";
export type BlockedEmail = { id: number; kind: BlockKind; value: string; createdBy: string; createdAt: Date };

/** A message as written and sent. */
export type MailDraft = { kind: string; toAddress: string; subject: string; body: string };

declare const sealed: unique symbol;
/**
 * A message's body as the outbox keeps it: sealed under SECRET_KEY (lib/mail/sealed-mail.ts), since
 * its links work, so the database alone (a leaked backup) opens none of them.
 */
export type SealedBody = string & { readonly [sealed]: true };

/** A message to queue, in the transaction that made it necessary. */
export type QueuedMail = Omit<MailDraft, "body"> & { sealedBody: SealedBody; signatureId?: number };

export type OutboxMessage = {
  id: number;
  signatureId: number | null;
  kind: string;
  toAddress: string;
  subject: string;
  sealedBody: SealedBody;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  sentAt: Date | null;
  failedAt: Date | null;
  createdAt: Date;
};

export type MailProblem = Pick<OutboxMessage, "id" | "kind" | "toAddress" | "attempts" | "lastError" | "nextAttemptAt" | "failedAt" | "createdAt">;
