import { desc, eq } from "drizzle-orm";
import { database } from "./client";
import type { AuditEvent, BlockedEmail, BlockKind } from "@/lib/domain/model";
import { auditEvents, blockedEmails } from "./schema";

export async function addBlockedEmail(kind: BlockKind, value: string, createdBy: string, now: Date): Promise<boolean> {
  const inserted = database()
    .orm.insert(blockedEmails)
    .values({ kind, value, createdBy, createdAt: now })
    .onConflictDoNothing()
    .returning({ id: blockedEmails.id })
    .all();
  return inserted.length > 0;
}

export async function removeBlockedEmail(id: number): Promise<void> {
  database().orm.delete(blockedEmails).where(eq(blockedEmails.id, id)).run();
}

export async function listBlockedEmails(): Promise<BlockedEmail[]> {
  return database().orm.select().from(blockedEmails).orderBy(blockedEmails.kind, blockedEmails.value).all();
}

export async function recordAuditEvent(event: Omit<AuditEvent, "id">): Promise<void> {
  database().orm.insert(auditEvents).values(event).run();
}

export async function listAuditEvents(limit: number): Promise<AuditEvent[]> {
  return database().orm.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(limit).all();
}
