import { and, asc, eq, gt, inArray, isNull, lte, ne, sql } from "drizzle-orm";
import { roles, type Role } from "@/lib/domain/roles";
import type { OrganiserAccount, OrganiserIdentity, Organiser } from "@/lib/domain/model";
import type { MembershipChange, OrganiserActor } from "@/lib/store-contract";
import { database, inTransaction, type PgHandle } from "./client";
import { organiserInvitations, organisers, organiserSessions } from "./schema";

export async function findOrganiserByEmail(email: string): Promise<OrganiserAccount | undefined> {
  const [organiser] = await database().orm.select().from(organisers).where(eq(organisers.email, email));
  return organiser;
}

/** Adds an organiser with the role named; returns false when the email already has an account. */
export async function insertOrganiser(email: string, passwordHash: string, role: Role, now = new Date()): Promise<boolean> {
  const inserted = await database()
    .orm.insert(organisers)
    .values({ email, passwordHash, role, createdAt: now })
    .onConflictDoNothing({ target: organisers.email })
    .returning({ id: organisers.id });
  return inserted.length > 0;
}

export async function insertSession(session: { id: string; organiserId: number; createdAt: Date; expiresAt: Date }): Promise<void> {
  await database().orm.insert(organiserSessions).values(session);
}

/** The session's organiser with their role as it is now, so a change of role counts from the next request. */
export async function findSessionOrganiser(sessionId: string, now = new Date()): Promise<OrganiserIdentity | undefined> {
  const [organiser] = await database()
    .orm.select({ id: organisers.id, email: organisers.email, role: organisers.role })
    .from(organiserSessions)
    .innerJoin(organisers, eq(organisers.id, organiserSessions.organiserId))
    .where(and(eq(organiserSessions.id, sessionId), gt(organiserSessions.expiresAt, now)));
  return organiser;
}

export async function deleteSession(sessionId: string): Promise<void> {
  await database().orm.delete(organiserSessions).where(eq(organiserSessions.id, sessionId));
}

export async function deleteExpiredSessions(now = new Date()): Promise<number> {
  const deleted = await database().orm.delete(organiserSessions).where(lte(organiserSessions.expiresAt, now)).returning({ id: organiserSessions.id });
  return deleted.length;
}

export async function listOrganisers(): Promise<Organiser[]> {
  return database()
    .orm.select({ id: organisers.id, email: organisers.email, role: organisers.role, createdAt: organisers.createdAt })
    .from(organisers)
    .orderBy(asc(organisers.createdAt), asc(organisers.id));
}

// Any number this app alone uses (see count-folder.ts and migrate.ts for the others).
const organisersLock = 727_511_004;

/**
 * Runs a change to the organisers one at a time across every process, then reads whether the
 * actor's role, as stored now, allows it. Two owners demoting each other at once would each see
 * the other still an owner under READ COMMITTED; taking turns, the second sees the first's change.
 */
export async function asOrganiserChange<T>(actor: OrganiserActor | undefined, refused: T, work: (tx: PgHandle) => Promise<T>): Promise<T> {
  return inTransaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${organisersLock})`);
    if (actor) {
      const [row] = await tx.select({ role: organisers.role }).from(organisers).where(eq(organisers.id, actor.id));
      if (!row || !actor.may(row.role)) return refused;
    }
    return work(tx);
  });
}

/** How many others could still manage organisers (the owners, by lib/domain/roles.ts) without this one. */
async function managersBesides(tx: PgHandle, actor: OrganiserActor, organiserId: number): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(organisers)
    .where(and(inArray(organisers.role, roles.filter(actor.may)), ne(organisers.id, organiserId)));
  return row?.n ?? 0;
}

export async function changeOrganiserRole(actor: OrganiserActor, organiserId: number, role: Role): Promise<MembershipChange> {
  return asOrganiserChange<MembershipChange>(actor, { kind: "forbidden" }, async (tx) => {
    const [member] = await tx.select({ email: organisers.email, role: organisers.role }).from(organisers).where(eq(organisers.id, organiserId));
    if (!member) return { kind: "unknown" };
    if (actor.may(member.role) && !actor.may(role) && (await managersBesides(tx, actor, organiserId)) === 0) return { kind: "last-owner" };
    await tx.update(organisers).set({ role }).where(eq(organisers.id, organiserId));
    // Open invitations stand on the inviter's right to invite: without it, their links stop working.
    if (!actor.may(role)) {
      await tx.delete(organiserInvitations).where(and(eq(organiserInvitations.invitedBy, organiserId), isNull(organiserInvitations.acceptedAt)));
    }
    return { kind: "done", email: member.email, previousRole: member.role };
  });
}

export async function removeOrganiser(actor: OrganiserActor, organiserId: number): Promise<MembershipChange> {
  return asOrganiserChange<MembershipChange>(actor, { kind: "forbidden" }, async (tx) => {
    const [member] = await tx.select({ email: organisers.email, role: organisers.role }).from(organisers).where(eq(organisers.id, organiserId));
    if (!member) return { kind: "unknown" };
    if (actor.may(member.role) && (await managersBesides(tx, actor, organiserId)) === 0) return { kind: "last-owner" };
    // Their sessions and the invitations they sent go with them (ON DELETE CASCADE).
    await tx.delete(organisers).where(eq(organisers.id, organiserId));
    return { kind: "done", email: member.email, previousRole: member.role };
  });
}
