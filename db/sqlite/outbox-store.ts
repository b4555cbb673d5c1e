import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { MailDraft, MailProblem, OutboxMessage } from "@/lib/domain/model";
import { database, inTransaction, type SqliteHandle } from "./client";
import { outbox } from "./schema";

/** Queues a message inside the caller's transaction, so it is sent only if that commits. */
export function enqueueMailIn(tx: SqliteHandle, draft: MailDraft, now: Date): void {
  tx.insert(outbox).values({ ...draft, nextAttemptAt: now, createdAt: now }).run();
}

/** Queues one message on its own, for mail that belongs to no other write (an organiser's test). */
export async function enqueueMail(draft: MailDraft, now: Date): Promise<void> {
  inTransaction((tx) => enqueueMailIn(tx, draft, now));
}

/**
 * Takes up to `limit` due messages and pushes their next attempt past `leaseMs`, so another
 * process polling at the same time does not send them too.
 */
export async function claimDueMail(now: Date, limit: number, leaseMs: number): Promise<OutboxMessage[]> {
  return inTransaction((tx) => {
    // Signers' own mail only (updates are claimUpdateMail's), from the index holding nothing else.
    const ids = tx.all<{ id: number }>(sql`select id from outbox indexed by outbox_signer_due
      where sent_at is null and failed_at is null and update_id is null and next_attempt_at <= ${now.getTime()}
      order by next_attempt_at limit ${limit}`);
    if (ids.length === 0) return [];
    const due = tx
      .select()
      .from(outbox)
      .where(inArray(outbox.id, ids.map((r) => r.id)))
      .orderBy(asc(outbox.nextAttemptAt))
      .all();
    for (const message of due) {
      tx.update(outbox)
        .set({ nextAttemptAt: new Date(now.getTime() + leaseMs), attempts: sql`${outbox.attempts} + 1` })
        .where(eq(outbox.id, message.id))
        .run();
    }
    return due.map((m) => ({ ...m, attempts: m.attempts + 1 }));
  });
}

export async function markMailSent(id: number, now: Date): Promise<void> {
  database().orm.update(outbox).set({ sentAt: now, body: "", lastError: null }).where(eq(outbox.id, id)).run();
}

/** Records a failed attempt: retried at `retryAt`, or given up on when that is undefined. */
export async function markMailFailed(id: number, error: string, now: Date, retryAt: Date | undefined): Promise<void> {
  database()
    .orm.update(outbox)
    .set(retryAt ? { lastError: error, nextAttemptAt: retryAt } : { lastError: error, failedAt: now })
    .where(eq(outbox.id, id))
    .run();
}

/** Messages that have failed at least once and are not yet sent, newest first. */
export async function listMailProblems(limit: number): Promise<MailProblem[]> {
  return database()
    .orm.select({
      id: outbox.id,
      kind: outbox.kind,
      toAddress: outbox.toAddress,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      nextAttemptAt: outbox.nextAttemptAt,
      failedAt: outbox.failedAt,
      createdAt: outbox.createdAt,
    })
    .from(outbox)
    .where(and(isNull(outbox.sentAt), sql`${outbox.lastError} is not null`))
    .orderBy(desc(outbox.id))
    .limit(limit)
    .all();
}

export async function countUnsentMail(): Promise<number> {
  const [row] = database()
    .orm.select({ n: sql<number>`count(*)` })
    .from(outbox)
    .where(and(isNull(outbox.sentAt), isNull(outbox.failedAt)))
    .all();
  return row?.n ?? 0;
}
