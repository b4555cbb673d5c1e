import { and, desc, eq, or, sql } from "drizzle-orm";
import { database, preparedStatements } from "./client";
import type { AuditEvent, BlockedEmail, BlockKind } from "@/lib/model";
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

// Asked on every signature: prepared once. The domain and each parent of it go in as a JSON array.
const statements = preparedStatements(({ orm }) => ({
  blocked: orm
    .select({ id: blockedEmails.id })
    .from(blockedEmails)
    .where(
      or(
        and(eq(blockedEmails.kind, "address"), eq(blockedEmails.value, sql.placeholder("emailKey"))),
        and(
          eq(blockedEmails.kind, "domain"),
          sql`${blockedEmails.value} in (select value from json_each(${sql.placeholder("domains")}))`,
        ),
      ),
    )
    .limit(1)
    .prepare(),
}));

/** Whether the organisers have blocked this address (by its key), its domain or a parent of it. */
export async function isEmailBlocked(emailKey: string, domain: string): Promise<boolean> {
  const labels = domain.split(".");
  const domains = labels.slice(0, -1).map((_, i) => labels.slice(i).join("."));
  return statements().blocked.all({ emailKey, domains: JSON.stringify(domains) }).length > 0;
}

export async function recordAuditEvent(event: Omit<AuditEvent, "id">): Promise<void> {
  database().orm.insert(auditEvents).values(event).run();
}

export async function listAuditEvents(limit: number): Promise<AuditEvent[]> {
  return database().orm.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(limit).all();
}
