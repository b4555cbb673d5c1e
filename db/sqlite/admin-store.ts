import { and, eq, gt, lte } from "drizzle-orm";
import { database } from "./client";
import type { Admin, AdminIdentity } from "@/lib/model";
import { admins, adminSessions } from "./schema";

export async function findAdminByEmail(email: string): Promise<Admin | undefined> {
  const [admin] = database().orm.select().from(admins).where(eq(admins.email, email)).all();
  return admin;
}

/** Adds an organiser; returns false when the email already has an account. */
export async function insertAdmin(email: string, passwordHash: string, now = new Date()): Promise<boolean> {
  const inserted = database()
    .orm.insert(admins)
    .values({ email, passwordHash, createdAt: now })
    .onConflictDoNothing({ target: admins.email })
    .returning({ id: admins.id })
    .all();
  return inserted.length > 0;
}

export async function insertSession(session: { id: string; adminId: number; createdAt: Date; expiresAt: Date }): Promise<void> {
  database().orm.insert(adminSessions).values(session).run();
}

export async function findSessionAdmin(sessionId: string, now = new Date()): Promise<AdminIdentity | undefined> {
  const [admin] = database()
    .orm.select({ id: admins.id, email: admins.email })
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
