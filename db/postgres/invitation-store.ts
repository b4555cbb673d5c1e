import { and, desc, eq, isNull } from "drizzle-orm";
import type { Invitation, MailDraft } from "@/lib/model";
import type { InvitationAcceptance, InvitationInsert, InvitationRevocation, NewInvitation, OrganiserActor } from "@/lib/store-contract";
import { asOrganiserChange } from "./admin-store";
import { database } from "./client";
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
  return asOrganiserChange<InvitationInsert>(actor, { kind: "forbidden" }, async (tx) => {
    if ((await tx.select({ id: admins.id }).from(admins).where(eq(admins.email, invitation.email))).length > 0) return { kind: "member" };
    // One open invitation per address: the newest link is the one that works.
    const replaced = await tx
      .delete(adminInvitations)
      .where(and(eq(adminInvitations.email, invitation.email), isNull(adminInvitations.acceptedAt)))
      .returning({ id: adminInvitations.id });
    await tx.insert(adminInvitations).values({ ...invitation, invitedBy: actor.id });
    if (mail) await enqueueMailIn(tx, mail, invitation.createdAt);
    return { kind: "invited", replaced: replaced.length };
  });
}

export async function findInvitationByToken(tokenHash: string): Promise<Invitation | undefined> {
  const [found] = await database()
    .orm.select(invitationColumns)
    .from(adminInvitations)
    .innerJoin(admins, eq(admins.id, adminInvitations.invitedBy))
    .where(eq(adminInvitations.tokenHash, tokenHash));
  return found;
}

export async function acceptInvitation(tokenHash: string, passwordHash: string, now: Date): Promise<InvitationAcceptance> {
  // In turn with other changes to the organisers: a link accepted twice at once makes one account.
  return asOrganiserChange<InvitationAcceptance>(undefined, { kind: "unknown" }, async (tx) => {
    const [invitation] = await tx
      .select(invitationColumns)
      .from(adminInvitations)
      .innerJoin(admins, eq(admins.id, adminInvitations.invitedBy))
      .where(eq(adminInvitations.tokenHash, tokenHash));
    if (!invitation) return { kind: "unknown" };
    if (invitation.acceptedAt) return { kind: "used" };
    if (invitation.expiresAt <= now) return { kind: "expired" };
    const [made] = await tx
      .insert(admins)
      .values({ email: invitation.email, passwordHash, role: invitation.role, createdAt: now })
      .onConflictDoNothing({ target: admins.email })
      .returning({ id: admins.id });
    if (!made) return { kind: "member" };
    await tx.update(adminInvitations).set({ acceptedAt: now }).where(eq(adminInvitations.id, invitation.id));
    return { kind: "accepted", admin: { id: made.id, email: invitation.email, role: invitation.role }, invitedBy: invitation.invitedBy };
  });
}

export async function listOpenInvitations(): Promise<Invitation[]> {
  return database()
    .orm.select(invitationColumns)
    .from(adminInvitations)
    .innerJoin(admins, eq(admins.id, adminInvitations.invitedBy))
    .where(isNull(adminInvitations.acceptedAt))
    .orderBy(desc(adminInvitations.id));
}

export async function revokeInvitation(actor: OrganiserActor, invitationId: number): Promise<InvitationRevocation> {
  return asOrganiserChange<InvitationRevocation>(actor, { kind: "forbidden" }, async (tx) => {
    const [gone] = await tx
      .delete(adminInvitations)
      .where(and(eq(adminInvitations.id, invitationId), isNull(adminInvitations.acceptedAt)))
      .returning({ email: adminInvitations.email });
    return gone ? { kind: "done", email: gone.email } : { kind: "unknown" };
  });
}
