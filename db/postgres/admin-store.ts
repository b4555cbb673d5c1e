import { and, asc, eq, gt, inArray, isNull, lte, ne, sql } from "drizzle-orm";
import { roles, type Role } from "@/lib/auth/roles";
import type { Admin, AdminIdentity, Organiser } from "@/lib/model";
import type { MembershipChange, OrganiserActor } from "@/lib/store-contract";
import { database, inTransaction, type PgHandle } from "./client";
import { adminInvitations, admins, adminSessions } from "./schema";

export async function findAdminByEmail(email: string): Promise<Admin | undefined> {
  const [admin] = await database().orm.select().from(admins).where(eq(admins.email, email));
  return admin;
}

/** Adds an organiser with the role named; returns false when the email already has an account. */
export async function insertAdmin(email: string, passwordHash: string, role: Role, now = new Date()): Promise<boolean> {
  const inserted = await database()
    .orm.insert(admins)
    .values({ email, passwordHash, role, createdAt: now })
    .onConflictDoNothing({ target: admins.email })
    .returning({ id: admins.id });
  return inserted.length > 0;
}

export async function insertSession(session: { id: string; adminId: number; createdAt: Date; expiresAt: Date }): Promise<void> {
  await database().orm.insert(adminSessions).values(session);
}

/** The session's organiser with their role as it is now, so a change of role counts from the next request. */
export async function findSessionAdmin(sessionId: string, now = new Date()): Promise<AdminIdentity | undefined> {
  const [admin] = await database()
    .orm.select({ id: admins.id, email: admins.email, role: admins.role })
    .from(adminSessions)
    .innerJoin(admins, eq(admins.id, adminSessions.adminId))
    .where(and(eq(adminSessions.id, sessionId), gt(adminSessions.expiresAt, now)));
  return admin;
}

export async function deleteSession(sessionId: string): Promise<void> {
  await database().orm.delete(adminSessions).where(eq(adminSessions.id, sessionId));
}

export async function deleteExpiredSessions(now = new Date()): Promise<number> {
  const deleted = await database().orm.delete(adminSessions).where(lte(adminSessions.expiresAt, now)).returning({ id: adminSessions.id });
  return deleted.length;
}

export async function listOrganisers(): Promise<Organiser[]> {
  return database()
    .orm.select({ id: admins.id, email: admins.email, role: admins.role, createdAt: admins.createdAt })
    .from(admins)
    .orderBy(asc(admins.createdAt), asc(admins.id));
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
      const [row] = await tx.select({ role: admins.role }).from(admins).where(eq(admins.id, actor.id));
      if (!row || !actor.may(row.role)) return refused;
    }
    return work(tx);
  });
}

/** How many others could still manage organisers (the owners, by lib/auth/roles.ts) without this one. */
async function managersBesides(tx: PgHandle, actor: OrganiserActor, adminId: number): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(admins)
    .where(and(inArray(admins.role, roles.filter(actor.may)), ne(admins.id, adminId)));
  return row?.n ?? 0;
}

export async function changeOrganiserRole(actor: OrganiserActor, adminId: number, role: Role): Promise<MembershipChange> {
  return asOrganiserChange<MembershipChange>(actor, { kind: "forbidden" }, async (tx) => {
    const [member] = await tx.select({ email: admins.email, role: admins.role }).from(admins).where(eq(admins.id, adminId));
    if (!member) return { kind: "unknown" };
    if (actor.may(member.role) && !actor.may(role) && (await managersBesides(tx, actor, adminId)) === 0) return { kind: "last-owner" };
    await tx.update(admins).set({ role }).where(eq(admins.id, adminId));
    // Open invitations stand on the inviter's right to invite: without it, their links stop working.
    if (!actor.may(role)) {
      await tx.delete(adminInvitations).where(and(eq(adminInvitations.invitedBy, adminId), isNull(adminInvitations.acceptedAt)));
    }
    return { kind: "done", email: member.email, previousRole: member.role };
  });
}

export async function removeOrganiser(actor: OrganiserActor, adminId: number): Promise<MembershipChange> {
  return asOrganiserChange<MembershipChange>(actor, { kind: "forbidden" }, async (tx) => {
    const [member] = await tx.select({ email: admins.email, role: admins.role }).from(admins).where(eq(admins.id, adminId));
    if (!member) return { kind: "unknown" };
    if (actor.may(member.role) && (await managersBesides(tx, actor, adminId)) === 0) return { kind: "last-owner" };
    // Their sessions and the invitations they sent go with them (ON DELETE CASCADE).
    await tx.delete(admins).where(eq(admins.id, adminId));
    return { kind: "done", email: member.email, previousRole: member.role };
  });
}
