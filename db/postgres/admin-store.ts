import { and, eq, gt, lte } from "drizzle-orm";
import type { Admin, AdminIdentity } from "@/lib/model";
import { database } from "./client";
import { admins, adminSessions } from "./schema";

export async function findAdminByEmail(email: string): Promise<Admin | undefined> {
  const [admin] = await database().orm.select().from(admins).where(eq(admins.email, email));
  return admin;
}

/** Adds an organiser; returns false when the email already has an account. */
export async function insertAdmin(email: string, passwordHash: string, now = new Date()): Promise<boolean> {
  const inserted = await database()
    .orm.insert(admins)
    .values({ email, passwordHash, createdAt: now })
    .onConflictDoNothing({ target: admins.email })
    .returning({ id: admins.id });
  return inserted.length > 0;
}

export async function insertSession(session: { id: string; adminId: number; createdAt: Date; expiresAt: Date }): Promise<void> {
  await database().orm.insert(adminSessions).values(session);
}

export async function findSessionAdmin(sessionId: string, now = new Date()): Promise<AdminIdentity | undefined> {
  const [admin] = await database()
    .orm.select({ id: admins.id, email: admins.email })
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
