import { stores } from "@/lib/stores";
import { z } from "zod";
import { recordAudit } from "../audit";
import { mailConfigured } from "../config";
import { invitationLink } from "../links";
import { invitationMessage } from "../mail/organiser-messages";
import { mailWorker } from "../mail/outbox-worker";
import { sealMail } from "../mail/sealed-mail";
import type { OrganiserIdentity } from "../domain/model";
import { hashToken, randomToken } from "../tokens";
import { organiserPassword } from "./organiser-accounts";
import { organiserActor } from "./organisers";
import { hashPassword } from "./passwords";
import { roles, type Role } from "../domain/roles";

export const invitationLifetimeMs = 7 * 24 * 60 * 60 * 1000;

export const invitationInput = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, "Use an address of at most 254 characters.")
    .pipe(z.email("Enter the email address to send the invitation to, such as name@example.org.")),
  role: z.enum(roles, { error: "Choose what they may do: owner, editor or viewer." }),
});

export type InviteOutcome =
  /** `link` is given only when no mail can go out: the owner passes it on themselves. */
  | { kind: "invited"; email: string; role: Role; link?: string }
  | { kind: "forbidden" | "member" };

/**
 * Invites an organiser by email (owners only, checked against the inviter's role as stored now).
 * Only the token's hash is kept; the link goes out through the outbox in the same transaction, or,
 * with no mail configured, back to the owner to pass on.
 */
export async function inviteOrganiser(email: string, role: Role, invitedBy: OrganiserIdentity, now = new Date()): Promise<InviteOutcome> {
  const input = invitationInput.parse({ email, role });
  const token = randomToken();
  const link = invitationLink(token);
  const expiresAt = new Date(now.getTime() + invitationLifetimeMs);
  const mails = mailConfigured();
  const mail = mails ? sealMail(invitationMessage({ toAddress: input.email, invitedBy: invitedBy.email, role: input.role, link, expiresAt })) : undefined;
  const stored = await stores().organisers.insertInvitation(
    organiserActor(invitedBy),
    { email: input.email, role: input.role, tokenHash: hashToken(token), createdAt: now, expiresAt },
    mail,
  );
  if (stored.kind !== "invited") return stored;
  if (mails) mailWorker().kick();
  await recordAudit({
    actor: invitedBy.email,
    action: "invite",
    detail: `invited ${input.email} as ${input.role}${stored.replaced > 0 ? ", replacing the earlier invitation" : ""}`,
    rowCount: 1,
  });
  return { kind: "invited", email: input.email, role: input.role, link: mails ? undefined : link };
}

// Tokens are randomToken()'s: 32 bytes in URL-safe base64. Anything else is not worth a query.
const tokenShape = /^[A-Za-z0-9_-]{43}$/;

export type InvitationView =
  | { kind: "open"; email: string; role: Role; invitedBy: string; expiresAt: Date }
  | { kind: "unknown" | "used" | "expired" };

/** What the link's page shows: who invited whom for which role, or why the link no longer works. */
export async function describeInvitation(token: string, now = new Date()): Promise<InvitationView> {
  if (!tokenShape.test(token)) return { kind: "unknown" };
  const invitation = await stores().organisers.findInvitationByToken(hashToken(token));
  if (!invitation) return { kind: "unknown" };
  if (invitation.acceptedAt) return { kind: "used" };
  if (invitation.expiresAt <= now) return { kind: "expired" };
  const { email, role, invitedBy, expiresAt } = invitation;
  return { kind: "open", email, role, invitedBy, expiresAt };
}

export type Acceptance =
  | { kind: "accepted"; organiser: OrganiserIdentity }
  | { kind: "invalid"; error: string }
  | { kind: "unknown" | "used" | "expired" | "member" };

/** Sets the invited organiser's password and makes their account with the invited role, once. */
export async function acceptInvitation(token: string, password: string, now = new Date()): Promise<Acceptance> {
  const view = await describeInvitation(token, now);
  if (view.kind !== "open") return view;
  const checked = organiserPassword.safeParse(password);
  if (!checked.success) return { kind: "invalid", error: checked.error.issues[0]?.message ?? "Choose another password." };
  // Hashed before the transaction: SQLite's are synchronous, and scrypt takes a while.
  const accepted = await stores().organisers.acceptInvitation(hashToken(token), await hashPassword(checked.data), now);
  if (accepted.kind !== "accepted") return accepted;
  await recordAudit({
    actor: accepted.organiser.email,
    action: "join",
    detail: `accepted the invitation of ${accepted.invitedBy} as ${accepted.organiser.role}`,
    rowCount: 1,
  });
  return { kind: "accepted", organiser: accepted.organiser };
}

export type OpenInvitation = { id: number; email: string; role: Role; invitedBy: string; expiresAt: Date; expired: boolean };

/** Invitations not yet accepted, newest first; expired ones say so. */
export async function openInvitations(now = new Date()): Promise<OpenInvitation[]> {
  const found = await stores().organisers.listOpenInvitations();
  return found.map(({ id, email, role, invitedBy, expiresAt }) => ({ id, email, role, invitedBy, expiresAt, expired: expiresAt <= now }));
}

/** Revokes an invitation not yet accepted (owners only): its link stops working at once. */
export async function revokeInvitation(invitationId: number, actor: OrganiserIdentity): Promise<"revoked" | "forbidden" | "unknown"> {
  const revoked = await stores().organisers.revokeInvitation(organiserActor(actor), invitationId);
  if (revoked.kind !== "done") return revoked.kind;
  await recordAudit({ actor: actor.email, action: "revoke-invitation", detail: `revoked the invitation of ${revoked.email}`, rowCount: 1 });
  return "revoked";
}
