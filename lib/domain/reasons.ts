// Signers' reasons, shown on the campaign page: their states, how a campaign moderates them, and what the public is shown.

/** `waiting`: for an organiser to decide (the default, so a reason nobody judged is never shown); `shown`; `hidden`. */
export const reasonStates = ["waiting", "shown", "hidden"] as const;
export type ReasonState = (typeof reasonStates)[number];

/** `approve`: shown once an organiser approves; `report`: shown at once, held again after enough readers report it. */
export const reasonModerations = ["approve", "report"] as const;
export type ReasonModeration = (typeof reasonModerations)[number];

/** How a reason names its signer: their public name ("Amina K.") or only their country ("a signer from Syria"). */
export const reasonShownAs = ["name", "country"] as const;
export type ReasonShownAs = (typeof reasonShownAs)[number];

export const reasonOrders = ["newest", "supported"] as const;
export type ReasonOrder = (typeof reasonOrders)[number];

/** A campaign's choice of moderation, as organisers set it. */
export type ReasonSettings = {
  moderation: ReasonModeration;
  /** Reports that hold a shown reason for an organiser (report moderation only). */
  reportLimit: number;
  /** Words that hold a reason for an organiser whatever the moderation, one per line. */
  blockedWords: string[];
};

/** A reason as readers see it: never the signer's email, full name or signature id. */
export type PublicReason = {
  id: number;
  text: string;
  /** Their public name when they chose it, else null (the page says "a signer from <country>"). */
  name: string | null;
  country: string;
  agrees: number;
  createdAt: string;
};

/** A page of the wall. */
export type ReasonPage = { reasons: PublicReason[]; order: ReasonOrder; page: number; hasMore: boolean; total: number };

/** What the stream tells open pages: the newest shown reasons, and those that left the page lately (withdrawn, hidden). */
export type LiveReasons = { newest: PublicReason[]; gone: number[] };

/** A reason in the organisers' queue. */
export type QueuedReason = PublicReason & {
  state: ReasonState;
  reports: number;
  signatureId: number;
  /** The signature's status: a reason is shown only while its signature counts. */
  signatureStatus: string;
  fullName: string;
};

/** What an organiser may decide about reasons. */
export const reasonDecisions = ["approve", "hide", "hide-and-invalidate"] as const;
export type ReasonDecision = (typeof reasonDecisions)[number];

/** A reader's mark on a reason, kept only as a keyed hash of (reader, reason): counted once, never naming who. */
export type ReasonMarkKind = "agree" | "report";

/** A signer's reason, stored in the signature's own transaction. */
export type NewReason = { text: string; shownAs: ReasonShownAs; state: ReasonState };
