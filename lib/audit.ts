
export type AuditAction =
  | "export"
  | "erase"
  | "invalidate"
  | "release"
  | "block"
  | "unblock"
  | "confirmation-setting"
  | "retention"
  | "invite"
  | "revoke-invitation"
  | "join"
  | "change-role"
  | "remove-organiser"
  | "campaign-create"
  | "campaign-edit"
  | "campaign-publish"
  | "campaign-unpublish"
  | "campaign-close"
  | "campaign-reopen"
  | "import"
  | "undo-import"
  | "send-update"
  | "test-update"
  | "reason-approve"
  | "reason-hide"
  | "reason-hide-and-invalidate"
  | "reason-settings";

/**
 * Writes who did what to signers' data, and to how many rows, and every change to who the
 * organisers are and what they may do. Erasures never name the person.
 */
export async function recordAudit(event: {
  actor: string;
  action: AuditAction;
  campaignSlug?: string;
  detail: string;
  rowCount: number;
}): Promise<void> {
  await stores().moderation.recordAuditEvent({ ...event, campaignSlug: event.campaignSlug ?? null, createdAt: new Date() });
}

export async function recentAuditEvents(limit = 100) {
  return stores().moderation.listAuditEvents(limit);
}import { stores } from "./stores";

