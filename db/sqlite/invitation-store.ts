import { and, desc, eq, isNull } from "drizzle-orm";
import type { Invitation, MailDraft } from "@/lib/domain/model";
import type { InvitationAcceptance, InvitationInsert, InvitationRevocation, NewInvitation, OrganiserActor } from "@/lib/store-contract";
import { actorMay } from "./organiser-store";
import { database, inTransaction } from "./client";
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
  return inTransaction((tx) => {
    if (!actorMay(tx, actor)) return { kind: "forbidden" };
    if (tx.select({ id: organisers.id }).from(organisers).where(eq(organisers.email, invitation.email)).all().length > 0) return { kind: "member" };
    // One open invitation per address: the newest link is the one that works.
    const replaced = tx
      .delete(organiserInvitations)
      .where(and(eq(organiserInvitations.email, invitation.email), isNull(organiserInvitations.acceptedAt)))
      .run().changes;
    tx.insert(organiserInvitations).values({ ...invitation, invitedBy: actor.id }).run();
    if (mail) enqueueMailIn(tx, mail, invitation.createdAt);
    return { kind: "invited", replaced };
  });
}

export async function findInvitationByToken(tokenHash: string): Promise<Invitation | undefined> {
  const [found] = database()
    .orm.select(invitationColumns)
    .from(organiserInvitations)
    .innerJoin(organisers, eq(organisers.id, organiserInvitations.invitedBy))
    .where(eq(organiserInvitations.tokenHash, tokenHash))
    .all();
  return found;
}

export async function acceptInvitation(tokenHash: string, passwordHash: string, now: Date): Promise<InvitationAcceptance> {
  return inTransaction((tx) => {
    const [invitation] = tx
      .select(invitationColumns)
      .from(organiserInvitations)
      .innerJoin(organisers, eq(organisers.id, organiserInvitations.invitedBy))
      .where(eq(organiserInvitations.tokenHash, tokenHash))
      .all();
    if (!invitation) return { kind: "unknown" };
    if (invitation.acceptedAt) return { kind: "used" };
    if (invitation.expiresAt <= now) return { kind: "expired" };
    const [made] = tx
      .insert(organisers)
      .values({ email: invitation.email, passwordHash, role: invitation.role, createdAt: now })
      .onConflictDoNothing({ target: organisers.email })
      .returning({ id: organisers.id })
      .all();
    if (!made) return { kind: "member" };
    tx.update(organiserInvitations).set({ acceptedAt: now }).where(eq(organiserInvitations.id, invitation.id)).run();
    return { kind: "accepted", organiser: { id: made.id, email: invitation.email, role: invitation.role }, invitedBy: invitation.invitedBy };
  });
}

export async function listOpenInvitations(): Promise<Invitation[]> {
  return database()
    .orm.select(invitationColumns)
    .from(organiserInvitations)
    .innerJoin(organisers, eq(organisers.id, organiserInvitations.invitedBy))
    .where(isNull(organiserInvitations.acceptedAt))
    .orderBy(desc(organiserInvitations.id))
    .all();
}

export async function revokeInvitation(actor: OrganiserActor, invitationId: number): Promise<InvitationRevocation> {
  return inTransaction((tx) => {
    if (!actorMay(tx, actor)) return { kind: "forbidden" };
    const [gone] = tx
      .delete(organiserInvitations)
      .where(and(eq(organiserInvitations.id, invitationId), isNull(organiserInvitations.acceptedAt)))
      .returning({ email: organiserInvitations.email })
      .all();
    return gone ? { kind: "done", email: gone.email } : { kind: "unknown" };
  });
}
