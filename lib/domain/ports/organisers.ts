import type { Invitation, QueuedMail, Organiser, OrganiserAccount, OrganiserIdentity } from "../model";
import type { Role } from "../roles";

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

export type NewSession = { id: string; organiserId: number; createdAt: Date; expiresAt: Date };

/** Organisers' accounts, their sessions and the invitations that make new ones. */
export interface OrganiserStore {
  findOrganiserByEmail(email: string): Promise<OrganiserAccount | undefined>;
  /** Adds an organiser with the role named; false when the email already has an account. */
  insertOrganiser(email: string, passwordHash: string, role: Role, now?: Date): Promise<boolean>;
  listOrganisers(): Promise<Organiser[]>;
  /** Never leaves the organisers without an owner. */
  changeOrganiserRole(actor: OrganiserActor, organiserId: number, role: Role): Promise<MembershipChange>;
  /** Deletes the account with its sessions and the invitations it sent; never the last owner. */
  removeOrganiser(actor: OrganiserActor, organiserId: number): Promise<MembershipChange>;
  /** Stores an invitation and queues its email in one transaction, replacing any still open to the address. */
  insertInvitation(actor: OrganiserActor, invitation: NewInvitation, mail?: QueuedMail): Promise<InvitationInsert>;
  findInvitationByToken(tokenHash: string): Promise<Invitation | undefined>;
  /** Makes the account and marks the invitation used, once, in one transaction. */
  acceptInvitation(tokenHash: string, passwordHash: string, now: Date): Promise<InvitationAcceptance>;
  /** Invitations not yet accepted, expired ones included, newest first. */
  listOpenInvitations(): Promise<Invitation[]>;
  /** Deletes an invitation not yet accepted; its link stops working. */
  revokeInvitation(actor: OrganiserActor, invitationId: number): Promise<InvitationRevocation>;
  insertSession(session: NewSession): Promise<void>;
  findSessionOrganiser(sessionId: string, now?: Date): Promise<OrganiserIdentity | undefined>;
  deleteSession(sessionId: string): Promise<void>;
  deleteExpiredSessions(now?: Date): Promise<number>;
}
