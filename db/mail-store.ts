import { and, desc, eq, inArray, isNull, sql, count } from "drizzle-orm";
import type { OutboxMessage, QueuedMail, SealedBody } from "@/lib/domain/model";
import type { MailStore } from "@/lib/domain/ports/mail";
import type { Dialect, Handle } from "./dialect";

/** Queues a message inside the caller's transaction, so it is sent only if that commits. */
export async function enqueueMailIn(d: Dialect, tx: Handle, mail: QueuedMail, now: Date): Promise<void> {
  const { sealedBody, ...rest } = mail;
  await tx.insert(d.tables.outbox).values({ ...rest, body: sealedBody, nextAttemptAt: now, createdAt: now });
}

/** The outbox: written in the transactions that call for mail, claimed and sent by the mail worker. */
export function mailStore(d: Dialect): MailStore {
  const { outbox } = d.tables;
  return {
    /** Queues one message on its own, for mail that belongs to no other write (an organiser's test). */
    enqueueMail: (draft, now) => d.statement((h) => enqueueMailIn(d, h, draft, now)),

    /** Leases due messages for `leaseMs`; on PostgreSQL SKIP LOCKED lets several processes claim different ones at once. */
    claimDueMail: (now, limit, leaseMs) =>
      d.write(async (tx) => {
        // Signers' own mail only (updates are claimUpdateMail's): the partial index outbox_signer_due holds nothing else.
        const ids = await d.rows<{ id: number }>(
          tx,
          sql`select id from ${outbox} ${d.indexedBy("outbox_signer_due")}
            where sent_at is null and failed_at is null and update_id is null and next_attempt_at <= ${sql.param(now, outbox.nextAttemptAt)}
            order by next_attempt_at limit ${limit} ${d.claimRows}`,
        );
        if (ids.length === 0) return [];
        const claimed = await tx
          .update(outbox)
          .set({ nextAttemptAt: new Date(now.getTime() + leaseMs), attempts: sql`${outbox.attempts} + 1` })
          .where(inArray(outbox.id, ids.map((row) => row.id)))
          .returning();
        // The body column holds what lib/ sealed (enqueueMailIn), or nothing for mail already settled.
        return claimed.map(({ body, ...message }): OutboxMessage => ({ ...message, sealedBody: body as SealedBody })).sort((a, b) => a.id - b.id);
      }),

    async markMailSent(id, now) {
      await d.statement((h) => h.update(outbox).set({ sentAt: now, body: "", lastError: null }).where(eq(outbox.id, id)));
    },

    /**
     * Records a failed attempt: retried at `retryAt`, or given up on when that is undefined, its body
     * emptied then as a sent one's is, since it would only keep working links for the retention job.
     */
    async markMailFailed(id, error, now, retryAt) {
      await d.statement((h) =>
        h
          .update(outbox)
          .set(retryAt ? { lastError: error, nextAttemptAt: retryAt } : { lastError: error, failedAt: now, body: "" })
          .where(eq(outbox.id, id)),
      );
    },

    /** Messages that have failed at least once and are not yet sent, newest first. */
    listMailProblems: (limit) =>
      d
        .read()
        .select({
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
        .limit(limit),

    async countUnsentMail() {
      const [row] = await d.read().select({ n: count() }).from(outbox).where(and(isNull(outbox.sentAt), isNull(outbox.failedAt)));
      return row?.n ?? 0;
    },
  };
}
