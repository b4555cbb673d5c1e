import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Locale } from "@/lib/domain/locales";
import type { UpdateStore } from "@/lib/domain/ports/updates";
import type { UpdateClaim, UpdateCounts } from "@/lib/domain/update";
import type { Dialect } from "./dialect";

// The send rate's state: when the next update message may go, in job_runs under this name, so
// every process sending from this database keeps to one rate together.
const paceName = "update-pace";
// How far behind the clock the pace may fall: after a pause at most this much is sent at once.
const paceSlackMs = 1_000;

/** A due message as claimed, with what its body is written from (null where its signer or update is gone). */
type Candidate = {
  id: number;
  attempts: number;
  to_address: string;
  signature_id: number;
  full_name: string | null;
  locale: Locale | null;
  slug: string | null;
  subject: string | null;
  body_markdown: string | null;
  still_wanted: number;
};

/** Updates to signers (lib/updates/): written by organisers, queued a range at a time, sent at one shared pace. */
export function updateStore(d: Dialect): UpdateStore {
  const { campaigns, jobRuns, outbox, signatures, updates, updateUnsubscribes } = d.tables;

  // One rule for counting, queuing and sending. The address must be proved by our emailed link or vouched for by an import's
  // opt-in column: a signature taken without confirmation (or a released bot-trap catch) may carry a stranger's address.
  const eligible = sql`${signatures.status} = 'confirmed' and ${signatures.wantsUpdates} = ${sql.param(true, signatures.wantsUpdates)}
    and (${signatures.confirmedAt} is not null or ${signatures.importId} is not null)
    and not exists (select 1 from ${updateUnsubscribes}
      where ${updateUnsubscribes.campaignId} = ${signatures.campaignId} and ${updateUnsubscribes.emailKey} = ${signatures.emailKey})`;

  async function countsFor(ids: number[]): Promise<Map<number, UpdateCounts>> {
    if (ids.length === 0) return new Map();
    const rows = await d
      .read()
      .select({ id: outbox.updateId, sent: count(outbox.sentAt), failed: count(outbox.failedAt), all: count() })
      .from(outbox)
      .where(inArray(outbox.updateId, ids))
      .groupBy(outbox.updateId);
    return new Map(rows.map((r) => [r.id!, { sent: r.sent, failed: r.failed, queued: r.all - r.sent - r.failed }]));
  }

  return {
    async insertUpdate(update) {
      const [row] = await d.statement((h) => h.insert(updates).values(update).returning({ id: updates.id }));
      return row!.id;
    },

    /** A campaign's updates, newest first, with where their messages are. */
    async listUpdates(campaignId) {
      const rows = await d.read().select().from(updates).where(eq(updates.campaignId, campaignId)).orderBy(desc(updates.id));
      const counts = await countsFor(rows.map((r) => r.id));
      return rows.map(({ queuedThrough: _walked, ...row }) => ({ ...row, counts: counts.get(row.id) ?? { queued: 0, sent: 0, failed: 0 } }));
    },

    listPublicUpdates: (campaignId) =>
      d
        .read()
        .select({ id: updates.id, subject: updates.subject, bodyMarkdown: updates.bodyMarkdown, createdAt: updates.createdAt })
        .from(updates)
        .where(and(eq(updates.campaignId, campaignId), eq(updates.showOnPage, true)))
        .orderBy(desc(updates.id)),

    /** How many signers an update to the campaign would go to now. */
    async countUpdateRecipients(campaignId) {
      const [row] = await d.read().select({ n: count() }).from(signatures).where(and(eq(signatures.campaignId, campaignId), eligible));
      return row?.n ?? 0;
    },

    /** One INSERT … SELECT per range of ids, so no signer is loaded into memory and the writer is free between ranges;
     * the update's row is locked, so two processes resuming the same update walk each range once. */
    queueUpdateBatch: (updateId, batchSize, now) =>
      d.write(async (tx) => {
        const [update] = await d.locked(tx.select().from(updates).where(eq(updates.id, updateId)));
        if (!update || update.queuedAt) return { queued: 0, done: true };
        const [bound] = await tx
          .select({ id: signatures.id })
          .from(signatures)
          .where(and(eq(signatures.campaignId, update.campaignId), gt(signatures.id, update.queuedThrough)))
          .orderBy(asc(signatures.id))
          .limit(1)
          .offset(batchSize - 1);
        const through = bound ? sql`and ${signatures.id} <= ${bound.id}` : sql``;
        const queued = await d.run(
          tx,
          sql`insert into ${outbox} (signature_id, kind, to_address, subject, body, attempts, next_attempt_at, created_at, update_id)
            select ${signatures.id}, 'update', ${signatures.email}, ${update.subject}, '', 0,
              ${sql.param(now, outbox.nextAttemptAt)}, ${sql.param(now, outbox.createdAt)}, ${updateId}
            from ${signatures}
            where ${signatures.campaignId} = ${update.campaignId} and ${signatures.id} > ${update.queuedThrough} ${through} and ${eligible}`,
        );
        await tx
          .update(updates)
          .set({ queuedThrough: bound?.id ?? update.queuedThrough, recipients: sql`${updates.recipients} + ${queued}`, queuedAt: bound ? null : now })
          .where(eq(updates.id, updateId));
        return { queued, done: !bound };
      }),

    /** Updates whose queuing has not finished (cut short by a crash, or under way in another process). */
    async listUnqueuedUpdates() {
      const rows = await d.read().select({ id: updates.id }).from(updates).where(isNull(updates.queuedAt)).orderBy(asc(updates.id));
      return rows.map((r) => r.id);
    },

    /** `perMinute` holds across every process: a GCRA pace kept in job_runs, its row locked while claiming. A message whose
     * signer is no longer eligible (unsubscribed, withdrawn, invalidated, queued by an older rule) is deleted, not sent. */
    claimUpdateMail: (now, limit, leaseMs, perMinute) =>
      d.write(async (tx): Promise<UpdateClaim> => {
        const intervalMs = 60_000 / perMinute;
        // Made before the first message goes, so there is always a row to lock.
        await tx.insert(jobRuns).values({ name: paceName, lastRunAt: new Date(0) }).onConflictDoNothing();
        const [pace] = await d.locked(tx.select().from(jobRuns).where(eq(jobRuns.name, paceName)));
        const start = Math.max(pace?.lastRunAt.getTime() ?? 0, now.getTime() - paceSlackMs);
        const allowed = start > now.getTime() ? 0 : Math.min(limit, Math.floor((now.getTime() - start) / intervalMs) + 1);
        // The outbox rows alone are claimed (a row lock cannot reach the nullable side of an outer
        // join), from the index holding only due updates; then joined to what their bodies need.
        const candidates = await d.rows<Candidate>(
          tx,
          sql`select due.id, due.attempts, due.to_address, due.signature_id, ${signatures.fullName} as full_name,
              ${signatures.locale} as locale, ${campaigns.slug} as slug, ${updates.subject} as subject,
              ${updates.bodyMarkdown} as body_markdown, case when ${eligible} then 1 else 0 end as still_wanted
            from (select id, attempts, to_address, signature_id, update_id, next_attempt_at
              from ${outbox} ${d.indexedBy("outbox_update_due")}
              where sent_at is null and failed_at is null and update_id is not null and next_attempt_at <= ${sql.param(now, outbox.nextAttemptAt)}
              order by next_attempt_at limit ${Math.max(allowed, 1)} ${d.claimRows}) due
            left join ${signatures} on ${signatures.id} = due.signature_id
            left join ${campaigns} on ${campaigns.id} = ${signatures.campaignId}
            left join ${updates} on ${updates.id} = due.update_id
            order by due.next_attempt_at`,
        );
        if (candidates.length === 0) return { deliveries: [] };
        if (allowed === 0) return { deliveries: [], nextAt: new Date(start) };
        const wanted = candidates.filter((c) => c.still_wanted === 1 && c.subject !== null);
        const unwanted = candidates.filter((c) => !wanted.includes(c)).map((c) => c.id);
        if (unwanted.length) await tx.delete(outbox).where(inArray(outbox.id, unwanted));
        const next = new Date(start + wanted.length * intervalMs);
        if (wanted.length) {
          await tx
            .update(outbox)
            .set({ nextAttemptAt: new Date(now.getTime() + leaseMs), attempts: sql`${outbox.attempts} + 1` })
            .where(inArray(outbox.id, wanted.map((c) => c.id)));
          await tx.update(jobRuns).set({ lastRunAt: next }).where(eq(jobRuns.name, paceName));
        }
        return {
          deliveries: wanted.map((c) => ({
            id: c.id,
            attempts: c.attempts + 1,
            toAddress: c.to_address,
            signatureId: c.signature_id,
            fullName: c.full_name!,
            locale: c.locale!,
            slug: c.slug!,
            subject: c.subject!,
            bodyMarkdown: c.body_markdown!,
          })),
          nextAt: candidates.length === Math.max(allowed, 1) ? next : undefined,
        };
      }),

    /** By email key, so the address stays unsubscribed from the campaign whatever it signs later; drops what is queued. */
    unsubscribeFromUpdates: (signatureId, now) =>
      d.write(async (tx) => {
        const [signer] = await tx
          .select({ campaignId: signatures.campaignId, emailKey: signatures.emailKey })
          .from(signatures)
          .where(eq(signatures.id, signatureId));
        if (!signer) return false;
        await tx.insert(updateUnsubscribes).values({ ...signer, createdAt: now }).onConflictDoNothing();
        await tx.delete(outbox).where(and(eq(outbox.signatureId, signatureId), isNotNull(outbox.updateId), isNull(outbox.sentAt)));
        return true;
      }),
  };
}
