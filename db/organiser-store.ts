import { and, asc, count, eq, gt, inArray, isNull, lte, ne } from "drizzle-orm";
import type { MembershipChange, OrganiserActor, OrganiserStore } from "@/lib/domain/ports/organisers";
import { roles } from "@/lib/domain/roles";
import type { Dialect, Handle } from "./dialect";
import { invitationStore } from "./invitation-store";
import { organiserChange } from "./organiser-change";

/** Organisers' accounts and sessions, with the invitations (db/invitation-store.ts) that make new ones. */
export function organiserStore(d: Dialect): OrganiserStore {
  const { organisers, organiserSessions, organiserInvitations } = d.tables;
  const asChange = organiserChange(d);

  /** How many others could still manage organisers (the owners, by lib/domain/roles.ts) without this one. */
  async function managersBesides(tx: Handle, actor: OrganiserActor, organiserId: number): Promise<number> {
    const [row] = await tx
      .select({ n: count() })
      .from(organisers)
      .where(and(inArray(organisers.role, roles.filter(actor.may)), ne(organisers.id, organiserId)));
    return row?.n ?? 0;
  }

  async function findMember(tx: Handle, organiserId: number) {
    const [member] = await tx.select({ email: organisers.email, role: organisers.role }).from(organisers).where(eq(organisers.id, organiserId));
    return member;
  }

  return {
    async findOrganiserByEmail(email) {
      const [organiser] = await d.read().select().from(organisers).where(eq(organisers.email, email));
      return organiser;
    },

    async insertOrganiser(email, passwordHash, role, now = new Date()) {
      const inserted = await d.statement((h) =>
        h
          .insert(organisers)
          .values({ email, passwordHash, role, createdAt: now })
          .onConflictDoNothing({ target: organisers.email })
          .returning({ id: organisers.id }),
      );
      return inserted.length > 0;
    },

    listOrganisers: () =>
      d
        .read()
        .select({ id: organisers.id, email: organisers.email, role: organisers.role, createdAt: organisers.createdAt })
        .from(organisers)
        .orderBy(asc(organisers.createdAt), asc(organisers.id)),

    changeOrganiserRole: (actor, organiserId, role) =>
      asChange<MembershipChange>(actor, { kind: "forbidden" }, async (tx) => {
        const member = await findMember(tx, organiserId);
        if (!member) return { kind: "unknown" };
        if (actor.may(member.role) && !actor.may(role) && (await managersBesides(tx, actor, organiserId)) === 0) return { kind: "last-owner" };
        await tx.update(organisers).set({ role }).where(eq(organisers.id, organiserId));
        // Open invitations stand on the inviter's right to invite: without it, their links stop working.
        if (!actor.may(role)) {
          await tx.delete(organiserInvitations).where(and(eq(organiserInvitations.invitedBy, organiserId), isNull(organiserInvitations.acceptedAt)));
        }
        return { kind: "done", email: member.email, previousRole: member.role };
      }),

    removeOrganiser: (actor, organiserId) =>
      asChange<MembershipChange>(actor, { kind: "forbidden" }, async (tx) => {
        const member = await findMember(tx, organiserId);
        if (!member) return { kind: "unknown" };
        if (actor.may(member.role) && (await managersBesides(tx, actor, organiserId)) === 0) return { kind: "last-owner" };
        // Their sessions and the invitations they sent go with them (ON DELETE CASCADE).
        await tx.delete(organisers).where(eq(organisers.id, organiserId));
        return { kind: "done", email: member.email, previousRole: member.role };
      }),

    ...invitationStore(d, asChange),

    async insertSession(session) {
      await d.statement((h) => h.insert(organiserSessions).values(session));
    },

    /** The session's organiser with their role as it is now, so a change of role counts from the next request. */
    async findSessionOrganiser(sessionId, now = new Date()) {
      const [organiser] = await d
        .read()
        .select({ id: organisers.id, email: organisers.email, role: organisers.role })
        .from(organiserSessions)
        .innerJoin(organisers, eq(organisers.id, organiserSessions.organiserId))
        .where(and(eq(organiserSessions.id, sessionId), gt(organiserSessions.expiresAt, now)));
      return organiser;
    },

    async deleteSession(sessionId) {
      await d.statement((h) => h.delete(organiserSessions).where(eq(organiserSessions.id, sessionId)));
    },

    async deleteExpiredSessions(now = new Date()) {
      const deleted = await d.statement((h) =>
        h.delete(organiserSessions).where(lte(organiserSessions.expiresAt, now)).returning({ id: organiserSessions.id }),
      );
      return deleted.length;
    },
  };
}
