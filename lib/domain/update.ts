import type { Locale } from "./locales";

/** An update an organiser sent to a campaign's signers who asked for them. */
export type Update = {
  id: number;
  campaignId: number;
  subject: string;
  bodyMarkdown: string;
  showOnPage: boolean;
  sentBy: string;
  createdAt: Date;
  /** Messages queued so far; final once `queuedAt` is set. */
  recipients: number;
  queuedAt: Date | null;
};

export type NewUpdate = Pick<Update, "campaignId" | "subject" | "bodyMarkdown" | "showOnPage" | "sentBy" | "createdAt">;

/** Where an update's messages are now: waiting (or being tried again), handed to the mail server, given up on. */
export type UpdateCounts = { queued: number; sent: number; failed: number };
export type UpdateSummary = Update & { counts: UpdateCounts };
export type PublicUpdate = Pick<Update, "id" | "subject" | "bodyMarkdown" | "createdAt">;

/** One range of signatures walked while queuing; `done` once the last range has been. */
export type QueueStep = { queued: number; done: boolean };

/** One update message claimed for sending, with what its body is written from. */
export type UpdateDelivery = {
  id: number;
  attempts: number;
  toAddress: string;
  signatureId: number;
  fullName: string;
  locale: Locale;
  slug: string;
  subject: string;
  bodyMarkdown: string;
};

/** `nextAt`: when the send rate next lets a message go, if more are waiting. */
export type UpdateClaim = { deliveries: UpdateDelivery[]; nextAt?: Date };
