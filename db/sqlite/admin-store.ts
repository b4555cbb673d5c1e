import { and, asc, eq, gt, inArray, isNull, lte, ne, sql } from "drizzle-orm";
import { roles, type Role } from "@/lib/auth/roles";
import type { Admin, AdminIdentity, Organiser } from "@/lib/model";
import type { MembershipChange, OrganiserActor } from "@/lib/store-contract";
import { database, inTransaction, type SqliteHandle } from "./client";
import { adminInvitations, admins, adminSessions } from "./schema";

export async function findAdminByEmail(email: string): Promise<Admin | undefined> {
  const [admin] = database().orm.select().from(admins).where(eq(admins.email, email)).all();
  return admin;
}

/** Adds an organiser with the role named; returns false when the email already has an account. */
export async function insertAdmin(email: string, passwordHash: string, role: Role, now = new Date()): Promise<boolean> {
  const inserted = database()
    .orm.insert(admins)
    .values({ email, passwordHash, role, createdAt: now })
    .onConflictDoNothing({ target: admins.email })
    .returning({ id: admins.id })
    .all();
  return inserted.length > 0;
}

export async function insertSession(session: { id: string; adminId: number; createdAt: Date; expiresAt: Date }): Promise<void> {
  database().orm.insert(adminSessions).values(session).run();
}

/** The session's organiser with their role as it is now, so a change of role counts from the next request. */
export async function findSessionAdmin(sessionId: string, now = new Date()): Promise<AdminIdentity | undefined> {
  const [admin] = database()
    .orm.select({ id: admins.id, email: admins.email, role: admins.role })
    .from(adminSessions)
    .innerJoin(admins, eq(admins.id, adminSessions.adminId))
    .where(and(eq(adminSessions.id, sessionId), gt(adminSessions.expiresAt, now)))
    .all();
  return admin;
}

export async function deleteSession(sessionId: string): Promise<void> {
  database().orm.delete(adminSessions).where(eq(adminSessions.id, sessionId)).run();
}

export async function deleteExpiredSessions(now = new Date()): Promise<number> {
  return database().orm.delete(adminSessions).where(lte(adminSessions.expiresAt, now)).run().changes;
}

export async function listOrganisers(): Promise<Organiser[]> {
  return database()
    .orm.select({ id: admins.id, email: admins.email, role: admins.role, createdAt: admins.createdAt })
    .from(admins)
    .orderBy(asc(admins.createdAt), asc(admins.id))
    .all();
}

/** Whether the actor's role, as stored now, allows managing organisers. */
export function actorMay(tx: SqliteHandle, actor: OrganiserActor): boolean {
  const [row] = tx.select({ role: admins.role }).from(admins).where(eq(admins.id, actor.id)).all();
  return row !== undefined && actor.may(row.role);
}

/** How many others could still manage organisers (the owners, by lib/auth/roles.ts) without this one. */
function managersBesides(tx: SqliteHandle, actor: OrganiserActor, adminId: number): number {
  const [row] = tx
    .select({ n: sql<number>`count(*)` })
    .from(admins)
    .where(and(inArray(admins.role, roles.filter(actor.may)), ne(admins.id, adminId)))
    .all();
  return row?.n ?? 0;
}

export async function changeOrganiserRole(actor: OrganiserActor, adminId: number, role: Role): Promise<MembershipChange> {
  return inTransaction((tx) => {
    if (!actorMay(tx, actor)) return { kind: "forbidden" };
    const [member] = tx.select({ email: admins.email, role: admins.role }).from(admins).where(eq(admins.id, adminId)).all();
    if (!member) return { kind: "unknown" };
    if (actor.may(member.role) && !actor.may(role) && managersBesides(tx, actor, adminId) === 0) return { kind: "last-owner" };
    tx.update(admins).set({ role }).where(eq(admins.id, adminId)).run();
    // Open invitations stand on the inviter's right to invite: without it, their links stop working.
    if (!actor.may(role)) {
      tx.delete(adminInvitations).where(and(eq(adminInvitations.invitedBy, adminId), isNull(adminInvitations.acceptedAt))).run();
    }
    return { kind: "done", email: member.email, previousRole: member.role };
  });
}

export async function removeOrganiser(actor: OrganiserActor, adminId: number): Promise<MembershipChange> {
  return inTransaction((tx) => {
    if (!actorMay(tx, actor)) return { kind: "forbidden" };
    const [member] = tx.select({ email: admins.email, role: admins.role }).from(admins).where(eq(admins.id, adminId)).all();
    if (!member) return { kind: "unknown" };
    if (actor.may(member.role) && managersBesides(tx, actor, adminId) === 0) return { kind: "last-owner" };
    // Their sessions and the invitations they sent go with them (ON DELETE CASCADE).
    tx.delete(admins).where(eq(admins.id, adminId)).run();
    return { kind: "done", email: member.email, previousRole: member.role };
  });
}
