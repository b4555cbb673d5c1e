import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { MailDraft, MailProblem, OutboxMessage } from "@/lib/domain/model";
import { database, inTransaction, type PgHandle } from "./client";
import { outbox } from "./schema";

/** Queues a message inside the caller's transaction, so it is sent only if that commits. */
export async function enqueueMailIn(tx: PgHandle, draft: MailDraft, now: Date): Promise<void> {
  await tx.insert(outbox).values({ ...draft, nextAttemptAt: now, createdAt: now });
}

/** Queues one message on its own, for mail that belongs to no other write (an organiser's test). */
export async function enqueueMail(draft: MailDraft, now: Date): Promise<void> {
  await inTransaction((tx) => enqueueMailIn(tx, draft, now));
}

/**
 * Takes up to `limit` due messages and pushes their next attempt past `leaseMs`. SKIP LOCKED lets
 * several processes claim at once, each taking different messages, none waiting on another.
 */
export async function claimDueMail(now: Date, limit: number, leaseMs: number): Promise<OutboxMessage[]> {
  return inTransaction(async (tx) => {
    // Signers' own mail only (updates are claimUpdateMail's): the partial index outbox_signer_due holds nothing else.
    const { rows } = await tx.execute<{ id: number }>(sql`
      select id from outbox
      where sent_at is null and failed_at is null and update_id is null and next_attempt_at <= ${now}
      order by next_attempt_at limit ${limit}
      for update skip locked`);
    if (rows.length === 0) return [];
    return tx
      .update(outbox)
      .set({ nextAttemptAt: new Date(now.getTime() + leaseMs), attempts: sql`${outbox.attempts} + 1` })
      .where(sql`${outbox.id} in ${rows.map((r) => r.id)}`)
      .returning();
  });
}

export async function markMailSent(id: number, now: Date): Promise<void> {
  await database().orm.update(outbox).set({ sentAt: now, body: "", lastError: null }).where(eq(outbox.id, id));
}

/** Records a failed attempt: retried at `retryAt`, or given up on when that is undefined. */
export async function markMailFailed(id: number, error: string, now: Date, retryAt: Date | undefined): Promise<void> {
  await database()
    .orm.update(outbox)
    .set(retryAt ? { lastError: error, nextAttemptAt: retryAt } : { lastError: error, failedAt: now })
    .where(eq(outbox.id, id));
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
    .limit(limit);
}

export async function countUnsentMail(): Promise<number> {
  const [row] = await database()
    .orm.select({ n: sql<number>`count(*)::int` })
    .from(outbox)
    .where(and(isNull(outbox.sentAt), isNull(outbox.failedAt)));
  return row?.n ?? 0;
}
