import { and, asc, eq, gt, inArray, isNull, lte, ne, sql } from "drizzle-orm";
import { roles, type Role } from "@/lib/domain/roles";
import type { OrganiserAccount, OrganiserIdentity, Organiser } from "@/lib/domain/model";
import type { MembershipChange, OrganiserActor } from "@/lib/store-contract";
import { database, inTransaction, type SqliteHandle } from "./client";
import { organiserInvitations, organisers, organiserSessions } from "./schema";

export async function findOrganiserByEmail(email: string): Promise<OrganiserAccount | undefined> {
  const [organiser] = database().orm.select().from(organisers).where(eq(organisers.email, email)).all();
  return organiser;
}

/** Adds an organiser with the role named; returns false when the email already has an account. */
export async function insertOrganiser(email: string, passwordHash: string, role: Role, now = new Date()): Promise<boolean> {
  const inserted = database()
    .orm.insert(organisers)
    .values({ email, passwordHash, role, createdAt: now })
    .onConflictDoNothing({ target: organisers.email })
    .returning({ id: organisers.id })
    .all();
  return inserted.length > 0;
}

export async function insertSession(session: { id: string; organiserId: number; createdAt: Date; expiresAt: Date }): Promise<void> {
  database().orm.insert(organiserSessions).values(session).run();
}

/** The session's organiser with their role as it is now, so a change of role counts from the next request. */
export async function findSessionOrganiser(sessionId: string, now = new Date()): Promise<OrganiserIdentity | undefined> {
  const [organiser] = database()
    .orm.select({ id: organisers.id, email: organisers.email, role: organisers.role })
    .from(organiserSessions)
    .innerJoin(organisers, eq(organisers.id, organiserSessions.organiserId))
    .where(and(eq(organiserSessions.id, sessionId), gt(organiserSessions.expiresAt, now)))
    .all();
  return organiser;
}

export async function deleteSession(sessionId: string): Promise<void> {
  database().orm.delete(organiserSessions).where(eq(organiserSessions.id, sessionId)).run();
}

export async function deleteExpiredSessions(now = new Date()): Promise<number> {
  return database().orm.delete(organiserSessions).where(lte(organiserSessions.expiresAt, now)).run().changes;
}

export async function listOrganisers(): Promise<Organiser[]> {
  return database()
    .orm.select({ id: organisers.id, email: organisers.email, role: organisers.role, createdAt: organisers.createdAt })
    .from(organisers)
    .orderBy(asc(organisers.createdAt), asc(organisers.id))
    .all();
}

/** Whether the actor's role, as stored now, allows managing organisers. */
export function actorMay(tx: SqliteHandle, actor: OrganiserActor): boolean {
  const [row] = tx.select({ role: organisers.role }).from(organisers).where(eq(organisers.id, actor.id)).all();
  return row !== undefined && actor.may(row.role);
}

/** How many others could still manage organisers (the owners, by lib/domain/roles.ts) without this one. */
function managersBesides(tx: SqliteHandle, actor: OrganiserActor, organiserId: number): number {
  const [row] = tx
    .select({ n: sql<number>`count(*)` })
    .from(organisers)
    .where(and(inArray(organisers.role, roles.filter(actor.may)), ne(organisers.id, organiserId)))
    .all();
  return row?.n ?? 0;
}

export async function changeOrganiserRole(actor: OrganiserActor, organiserId: number, role: Role): Promise<MembershipChange> {
  return inTransaction((tx) => {
    if (!actorMay(tx, actor)) return { kind: "forbidden" };
    const [member] = tx.select({ email: organisers.email, role: organisers.role }).from(organisers).where(eq(organisers.id, organiserId)).all();
    if (!member) return { kind: "unknown" };
    if (actor.may(member.role) && !actor.may(role) && managersBesides(tx, actor, organiserId) === 0) return { kind: "last-owner" };
    tx.update(organisers).set({ role }).where(eq(organisers.id, organiserId)).run();
    // Open invitations stand on the inviter's right to invite: without it, their links stop working.
    if (!actor.may(role)) {
      tx.delete(organiserInvitations).where(and(eq(organiserInvitations.invitedBy, organiserId), isNull(organiserInvitations.acceptedAt))).run();
    }
    return { kind: "done", email: member.email, previousRole: member.role };
  });
}

export async function removeOrganiser(actor: OrganiserActor, organiserId: number): Promise<MembershipChange> {
  return inTransaction((tx) => {
    if (!actorMay(tx, actor)) return { kind: "forbidden" };
    const [member] = tx.select({ email: organisers.email, role: organisers.role }).from(organisers).where(eq(organisers.id, organiserId)).all();
    if (!member) return { kind: "unknown" };
    if (actor.may(member.role) && managersBesides(tx, actor, organiserId) === 0) return { kind: "last-owner" };
    // Their sessions and the invitations they sent go with them (ON DELETE CASCADE).
    tx.delete(organisers).where(eq(organisers.id, organiserId)).run();
    return { kind: "done", email: member.email, previousRole: member.role };
  });
}
