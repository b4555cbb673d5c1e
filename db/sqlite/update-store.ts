import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Locale } from "@/lib/domain/locales";
import type { NewUpdate, PublicUpdate, QueueStep, UpdateClaim, UpdateCounts, UpdateSummary } from "@/lib/domain/update";
import { database, inTransaction } from "./client";
import { jobRuns, outbox, updates, updateUnsubscribes } from "./schema";

// The send rate's state: when the next update message may go, in job_runs under this name, so
// every process sending from this database keeps to one rate together.
const paceName = "update-pace";
// How far behind the clock the pace may fall: after a pause at most this much is sent at once.
const paceSlackMs = 1_000;

export async function insertUpdate(update: NewUpdate): Promise<number> {
  const [row] = database().orm.insert(updates).values(update).returning({ id: updates.id }).all();
  return row!.id;
}

async function countsFor(ids: number[]): Promise<Map<number, UpdateCounts>> {
  if (ids.length === 0) return new Map();
  const rows = database()
    .orm.select({
      id: outbox.updateId,
      sent: sql<number>`sum(case when ${outbox.sentAt} is not null then 1 else 0 end)`,
      failed: sql<number>`sum(case when ${outbox.failedAt} is not null then 1 else 0 end)`,
      all: sql<number>`count(*)`,
    })
    .from(outbox)
    .where(inArray(outbox.updateId, ids))
    .groupBy(outbox.updateId)
    .all();
  return new Map(rows.map((r) => [r.id!, { sent: r.sent, failed: r.failed, queued: r.all - r.sent - r.failed }]));
}

/** A campaign's updates, newest first, with where their messages are. */
export async function listUpdates(campaignId: number): Promise<UpdateSummary[]> {
  const rows = database().orm.select().from(updates).where(eq(updates.campaignId, campaignId)).orderBy(desc(updates.id)).all();
  const counts = await countsFor(rows.map((r) => r.id));
  return rows.map(({ queuedThrough: _walked, ...row }) => ({ ...row, counts: counts.get(row.id) ?? { queued: 0, sent: 0, failed: 0 } }));
}

export async function listPublicUpdates(campaignId: number): Promise<PublicUpdate[]> {
  return database()
    .orm.select({ id: updates.id, subject: updates.subject, bodyMarkdown: updates.bodyMarkdown, createdAt: updates.createdAt })
    .from(updates)
    .where(and(eq(updates.campaignId, campaignId), eq(updates.showOnPage, true)))
    .orderBy(desc(updates.id))
    .all();
}

// Who an update goes to, one rule for counting, queuing and sending (the signature is `s`): a
// confirmed signer who asked for updates, whose address proved itself by the emailed link here or
// came in an import whose opt-in column the organiser vouched for, and who has not unsubscribed.
// A signature taken without confirmation (or a bot-trap catch released) proves nothing: anyone
// could have typed a stranger's address.
const eligible = sql`s.status = 'confirmed' and s.wants_updates = 1
  and (s.confirmed_at is not null or s.import_id is not null)
  and not exists (select 1 from update_unsubscribes x where x.petition_id = s.petition_id and x.email_key = s.email_key)`;

/** How many signers an update to the campaign would go to now. */
export async function countUpdateRecipients(campaignId: number): Promise<number> {
  const [row] = database().orm.all<{ n: number }>(sql`select count(*) as n from signatures s where s.petition_id = ${campaignId} and ${eligible}`);
  return row?.n ?? 0;
}

/**
 * Queues the update for the next `batchSize` signatures by id, in one short transaction: one
 * INSERT … SELECT, so no signer is loaded into memory and the writer is free again between ranges.
 */
export async function queueUpdateBatch(updateId: number, batchSize: number, now: Date): Promise<QueueStep> {
  return inTransaction((tx) => {
    const [update] = tx.select().from(updates).where(eq(updates.id, updateId)).all();
    if (!update || update.queuedAt) return { queued: 0, done: true };
    const [bound] = tx.all<{ id: number }>(sql`select id from signatures
      where petition_id = ${update.campaignId} and id > ${update.queuedThrough} order by id limit 1 offset ${batchSize - 1}`);
    const through = bound ? sql`and s.id <= ${bound.id}` : sql``;
    const { changes } = tx.run(sql`insert into outbox (signature_id, kind, to_address, subject, body, attempts, next_attempt_at, created_at, update_id)
      select s.id, 'update', s.email, ${update.subject}, '', 0, ${now.getTime()}, ${now.getTime()}, ${updateId}
      from signatures s
      where s.petition_id = ${update.campaignId} and s.id > ${update.queuedThrough} ${through} and ${eligible}`);
    tx.update(updates)
      .set({
        queuedThrough: bound?.id ?? update.queuedThrough,
        recipients: sql`${updates.recipients} + ${changes}`,
        queuedAt: bound ? null : now,
      })
      .where(eq(updates.id, updateId))
      .run();
    return { queued: changes, done: !bound };
  });
}

/** Updates whose queuing has not finished (cut short by a crash, or under way in another process). */
export async function listUnqueuedUpdates(): Promise<number[]> {
  const rows = database().orm.select({ id: updates.id }).from(updates).where(sql`${updates.queuedAt} is null`).orderBy(asc(updates.id)).all();
  return rows.map((r) => r.id);
}

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
  still_wanted: number | null;
};

/**
 * Claims due update messages, as many as `perMinute` allows now across every process (a GCRA
 * pace kept in the database). A message whose signer is no longer eligible (unsubscribed, withdrawn,
 * invalidated, or queued by an older rule) is deleted instead of sent.
 */
export async function claimUpdateMail(now: Date, limit: number, leaseMs: number, perMinute: number): Promise<UpdateClaim> {
  return inTransaction((tx) => {
    const intervalMs = 60_000 / perMinute;
    const [pace] = tx.select().from(jobRuns).where(eq(jobRuns.name, paceName)).all();
    const start = Math.max(pace?.lastRunAt.getTime() ?? 0, now.getTime() - paceSlackMs);
    const allowed = start > now.getTime() ? 0 : Math.min(limit, Math.floor((now.getTime() - start) / intervalMs) + 1);
    const candidates = tx.all<Candidate>(sql`select o.id, o.attempts, o.to_address, o.signature_id, s.full_name, s.locale, p.slug,
        u.subject, u.body_markdown,
        (${eligible}) as still_wanted
      from outbox o indexed by outbox_update_due
      left join signatures s on s.id = o.signature_id
      left join petitions p on p.id = s.petition_id
      left join updates u on u.id = o.update_id
      where o.sent_at is null and o.failed_at is null and o.update_id is not null and o.next_attempt_at <= ${now.getTime()}
      order by o.next_attempt_at limit ${Math.max(allowed, 1)}`);
    if (candidates.length === 0) return { deliveries: [] };
    if (allowed === 0) return { deliveries: [], nextAt: new Date(start) };
    const wanted = candidates.filter((c) => c.still_wanted === 1 && c.subject !== null);
    const unwanted = candidates.filter((c) => !wanted.includes(c)).map((c) => c.id);
    if (unwanted.length) tx.delete(outbox).where(inArray(outbox.id, unwanted)).run();
    const next = new Date(start + wanted.length * intervalMs);
    if (wanted.length) {
      tx.update(outbox)
        .set({ nextAttemptAt: new Date(now.getTime() + leaseMs), attempts: sql`${outbox.attempts} + 1` })
        .where(inArray(outbox.id, wanted.map((c) => c.id)))
        .run();
      tx.insert(jobRuns).values({ name: paceName, lastRunAt: next }).onConflictDoUpdate({ target: jobRuns.name, set: { lastRunAt: next } }).run();
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
  });
}

/**
 * Stops updates from the signature's campaign to its address for good, and drops the ones queued
 * for it. True when the signature was found.
 */
export async function unsubscribeFromUpdates(signatureId: number, now: Date): Promise<boolean> {
  return inTransaction((tx) => {
    const [signer] = tx.all<{ petition_id: number; email_key: string }>(
      sql`select petition_id, email_key from signatures where id = ${signatureId}`,
    );
    if (!signer) return false;
    tx.insert(updateUnsubscribes).values({ campaignId: signer.petition_id, emailKey: signer.email_key, createdAt: now }).onConflictDoNothing().run();
    tx.run(sql`delete from outbox where signature_id = ${signatureId} and update_id is not null and sent_at is null`);
    return true;
  });
}
