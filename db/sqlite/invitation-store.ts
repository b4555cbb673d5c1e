import { and, desc, eq, isNull } from "drizzle-orm";
import type { Invitation, MailDraft } from "@/lib/model";
import type { InvitationAcceptance, InvitationInsert, InvitationRevocation, NewInvitation, OrganiserActor } from "@/lib/store-contract";
import { actorMay } from "./admin-store";
import { database, inTransaction } from "./client";
import { enqueueMailIn } from "./outbox-store";
import { adminInvitations, admins } from "./schema";

const invitationColumns = {
  id: adminInvitations.id,
  email: adminInvitations.email,
  role: adminInvitations.role,
  invitedBy: admins.email,
  createdAt: adminInvitations.createdAt,
  expiresAt: adminInvitations.expiresAt,
  acceptedAt: adminInvitations.acceptedAt,
};

export async function insertInvitation(actor: OrganiserActor, invitation: NewInvitation, mail?: MailDraft): Promise<InvitationInsert> {
  return inTransaction((tx) => {
    if (!actorMay(tx, actor)) return { kind: "forbidden" };
    if (tx.select({ id: admins.id }).from(admins).where(eq(admins.email, invitation.email)).all().length > 0) return { kind: "member" };
    // One open invitation per address: the newest link is the one that works.
    const replaced = tx
      .delete(adminInvitations)
      .where(and(eq(adminInvitations.email, invitation.email), isNull(adminInvitations.acceptedAt)))
      .run().changes;
    tx.insert(adminInvitations).values({ ...invitation, invitedBy: actor.id }).run();
    if (mail) enqueueMailIn(tx, mail, invitation.createdAt);
    return { kind: "invited", replaced };
  });
}

export async function findInvitationByToken(tokenHash: string): Promise<Invitation | undefined> {
  const [found] = database()
    .orm.select(invitationColumns)
    .from(adminInvitations)
    .innerJoin(admins, eq(admins.id, adminInvitations.invitedBy))
    .where(eq(adminInvitations.tokenHash, tokenHash))
    .all();
  return found;
}

export async function acceptInvitation(tokenHash: string, passwordHash: string, now: Date): Promise<InvitationAcceptance> {
  return inTransaction((tx) => {
    const [invitation] = tx
      .select(invitationColumns)
      .from(adminInvitations)
      .innerJoin(admins, eq(admins.id, adminInvitations.invitedBy))
      .where(eq(adminInvitations.tokenHash, tokenHash))
      .all();
    if (!invitation) return { kind: "unknown" };
    if (invitation.acceptedAt) return { kind: "used" };
    if (invitation.expiresAt <= now) return { kind: "expired" };
    const [made] = tx
      .insert(admins)
      .values({ email: invitation.email, passwordHash, role: invitation.role, createdAt: now })
      .onConflictDoNothing({ target: admins.email })
      .returning({ id: admins.id })
      .all();
    if (!made) return { kind: "member" };
    tx.update(adminInvitations).set({ acceptedAt: now }).where(eq(adminInvitations.id, invitation.id)).run();
    return { kind: "accepted", admin: { id: made.id, email: invitation.email, role: invitation.role }, invitedBy: invitation.invitedBy };
  });
}

export async function listOpenInvitations(): Promise<Invitation[]> {
  return database()
    .orm.select(invitationColumns)
    .from(adminInvitations)
    .innerJoin(admins, eq(admins.id, adminInvitations.invitedBy))
    .where(isNull(adminInvitations.acceptedAt))
    .orderBy(desc(adminInvitations.id))
    .all();
}

export async function revokeInvitation(actor: OrganiserActor, invitationId: number): Promise<InvitationRevocation> {
  return inTransaction((tx) => {
    if (!actorMay(tx, actor)) return { kind: "forbidden" };
    const [gone] = tx
      .delete(adminInvitations)
      .where(and(eq(adminInvitations.id, invitationId), isNull(adminInvitations.acceptedAt)))
      .returning({ email: adminInvitations.email })
      .all();
    return gone ? { kind: "done", email: gone.email } : { kind: "unknown" };
  });
}
