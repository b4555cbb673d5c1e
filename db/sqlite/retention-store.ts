import { setImmediate as nextTurn } from "node:timers/promises";
import { and, eq, inArray, isNotNull, isNull, lt, lte, or } from "drizzle-orm";
import { database, inTransaction } from "./client";
import { adjustCounts } from "./campaign-row-store";
import { confirmations, outbox, campaigns, rateLimits, signatures } from "./schema";
import { walScrubber } from "./wal-scrub";

// Rows changed per transaction: small enough that signing never waits long for the write lock.
const batchSize = 2_000;

/**
 * Deletes pending signatures that can no longer be confirmed: their link has expired, or they
 * never had one and are older than a link would live. Returns how many.
 */
export async function deleteUnconfirmable(now: Date, linkLifetimeMs: number): Promise<number> {
  const bornBefore = new Date(now.getTime() - linkLifetimeMs);
  let deleted = 0;
  for (;;) {
    const removed = inTransaction((tx) => {
      // Found through the small tables (confirmations holds pending signatures only; the status
      // index is per campaign), never by scanning every signature.
      const expired = tx
        .select({ id: confirmations.signatureId })
        .from(confirmations)
        .where(lte(confirmations.expiresAt, now))
        .limit(batchSize)
        .all();
      const linkless = tx
        .select({ id: signatures.id })
        .from(campaigns)
        .innerJoin(signatures, and(eq(signatures.campaignId, campaigns.id), eq(signatures.status, "pending")))
        .leftJoin(confirmations, eq(confirmations.signatureId, signatures.id))
        .where(and(isNull(confirmations.signatureId), lt(signatures.signedAt, bornBefore)))
        .limit(batchSize)
        .all();
      const ids = [...expired, ...linkless].map((row) => row.id);
      if (ids.length === 0) return { found: 0, deleted: 0 };
      const rows = tx
        .delete(signatures)
        .where(and(inArray(signatures.id, ids), eq(signatures.status, "pending")))
        .returning({ campaignId: signatures.campaignId })
        .all();
      for (const row of rows) adjustCounts(row.campaignId, { pending: -1 }, now);
      return { found: ids.length, deleted: rows.length };
    });
    deleted += removed.deleted;
    if (removed.found < batchSize) break;
    await nextTurn();
  }
  if (deleted > 0) walScrubber().request();
  return deleted;
}

/** Forgets the client address of signatures made before `before`; their counting is untouched. */
export async function clearClientAddresses(before: Date): Promise<number> {
  let cleared = 0;
  for (;;) {
    const changed = inTransaction((tx) => {
      const holding = tx
        .select({ id: signatures.id })
        .from(signatures)
        .where(and(isNotNull(signatures.clientAddress), lt(signatures.signedAt, before)))
        .limit(batchSize);
      return tx.update(signatures).set({ clientAddress: null }).where(inArray(signatures.id, holding)).run().changes;
    });
    cleared += changed;
    if (changed < batchSize) break;
    await nextTurn();
  }
  if (cleared > 0) walScrubber().request();
  return cleared;
}

/** Deletes the records of mail sent before `sentBefore` and given up on before `failedBefore`. */
export async function deleteOldMail(sentBefore: Date, failedBefore: Date): Promise<number> {
  return database()
    .orm.delete(outbox)
    .where(or(lt(outbox.sentAt, sentBefore), lt(outbox.failedAt, failedBefore)))
    .run().changes;
}

/** Deletes limit and sign-in throttle records whose window has passed. */
export async function deleteExpiredLimits(now: Date): Promise<number> {
  return database().orm.delete(rateLimits).where(lt(rateLimits.expire, now.getTime())).run().changes;
}
