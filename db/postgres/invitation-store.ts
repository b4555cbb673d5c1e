import { and, desc, eq, isNull } from "drizzle-orm";
import type { Invitation, MailDraft } from "@/lib/domain/model";
import type { InvitationAcceptance, InvitationInsert, InvitationRevocation, NewInvitation, OrganiserActor } from "@/lib/store-contract";
import { asOrganiserChange } from "./organiser-store";
import { database } from "./client";
import { enqueueMailIn } from "./outbox-store";
import { organiserInvitations, organisers } from "./schema";

const invitationColumns = {
  id: organiserInvitations.id,
  email: organiserInvitations.email,
  role: organiserInvitations.role,
  invitedBy: organisers.email,
  createdAt: organiserInvitations.createdAt,
  expiresAt: organiserInvitations.expiresAt,
  acceptedAt: organiserInvitations.acceptedAt,
};

export async function insertInvitation(actor: OrganiserActor, invitation: NewInvitation, mail?: MailDraft): Promise<InvitationInsert> {
  return asOrganiserChange<InvitationInsert>(actor, { kind: "forbidden" }, async (tx) => {
    if ((await tx.select({ id: organisers.id }).from(organisers).where(eq(organisers.email, invitation.email))).length > 0) return { kind: "member" };
    // One open invitation per address: the newest link is the one that works.
    const replaced = await tx
      .delete(organiserInvitations)
      .where(and(eq(organiserInvitations.email, invitation.email), isNull(organiserInvitations.acceptedAt)))
      .returning({ id: organiserInvitations.id });
    await tx.insert(organiserInvitations).values({ ...invitation, invitedBy: actor.id });
    if (mail) await enqueueMailIn(tx, mail, invitation.createdAt);
    return { kind: "invited", replaced: replaced.length };
  });
}

export async function findInvitationByToken(tokenHash: string): Promise<Invitation | undefined> {
  const [found] = await database()
    .orm.select(invitationColumns)
    .from(organiserInvitations)
    .innerJoin(organisers, eq(organisers.id, organiserInvitations.invitedBy))
    .where(eq(organiserInvitations.tokenHash, tokenHash));
  return found;
}

export async function acceptInvitation(tokenHash: string, passwordHash: string, now: Date): Promise<InvitationAcceptance> {
  // In turn with other changes to the organisers: a link accepted twice at once makes one account.
  return asOrganiserChange<InvitationAcceptance>(undefined, { kind: "unknown" }, async (tx) => {
    const [invitation] = await tx
      .select(invitationColumns)
      .from(organiserInvitations)
      .innerJoin(organisers, eq(organisers.id, organiserInvitations.invitedBy))
      .where(eq(organiserInvitations.tokenHash, tokenHash));
    if (!invitation) return { kind: "unknown" };
    if (invitation.acceptedAt) return { kind: "used" };
    if (invitation.expiresAt <= now) return { kind: "expired" };
    const [made] = await tx
      .insert(organisers)
      .values({ email: invitation.email, passwordHash, role: invitation.role, createdAt: now })
      .onConflictDoNothing({ target: organisers.email })
      .returning({ id: organisers.id });
    if (!made) return { kind: "member" };
    await tx.update(organiserInvitations).set({ acceptedAt: now }).where(eq(organiserInvitations.id, invitation.id));
    return { kind: "accepted", organiser: { id: made.id, email: invitation.email, role: invitation.role }, invitedBy: invitation.invitedBy };
  });
}

export async function listOpenInvitations(): Promise<Invitation[]> {
  return database()
    .orm.select(invitationColumns)
    .from(organiserInvitations)
    .innerJoin(organisers, eq(organisers.id, organiserInvitations.invitedBy))
    .where(isNull(organiserInvitations.acceptedAt))
    .orderBy(desc(organiserInvitations.id));
}

export async function revokeInvitation(actor: OrganiserActor, invitationId: number): Promise<InvitationRevocation> {
  return asOrganiserChange<InvitationRevocation>(actor, { kind: "forbidden" }, async (tx) => {
    const [gone] = await tx
      .delete(organiserInvitations)
      .where(and(eq(organiserInvitations.id, invitationId), isNull(organiserInvitations.acceptedAt)))
      .returning({ email: organiserInvitations.email });
    return gone ? { kind: "done", email: gone.email } : { kind: "unknown" };
  });
}
