import { and, eq, inArray, isNotNull, isNull, lt, lte, or } from "drizzle-orm";
import { database, inTransaction } from "./client";
import { adjustCounts } from "./campaign-row-store";
import { confirmations, outbox, rateLimits, signatures } from "./schema";

// Rows changed per transaction: small enough that nothing else waits long on their locks.
const batchSize = 2_000;

/**
 * Deletes pending signatures that can no longer be confirmed: their link has expired, or they
 * never had one and are older than a link would live. Returns how many.
 */
export async function deleteUnconfirmable(now: Date, linkLifetimeMs: number): Promise<number> {
  const bornBefore = new Date(now.getTime() - linkLifetimeMs);
  let deleted = 0;
  for (;;) {
    const found = await inTransaction(async (tx) => {
      const expired = await tx.select({ id: confirmations.signatureId }).from(confirmations).where(lte(confirmations.expiresAt, now)).limit(batchSize);
      const linkless = await tx
        .select({ id: signatures.id })
        .from(signatures)
        .leftJoin(confirmations, eq(confirmations.signatureId, signatures.id))
        .where(and(eq(signatures.status, "pending"), isNull(confirmations.signatureId), lt(signatures.signedAt, bornBefore)))
        .limit(batchSize);
      const ids = [...expired, ...linkless].map((row) => row.id);
      if (ids.length === 0) return 0;
      const rows = await tx
        .delete(signatures)
        .where(and(inArray(signatures.id, ids), eq(signatures.status, "pending")))
        .returning({ campaignId: signatures.campaignId });
      const byCampaign = new Map<number, number>();
      for (const row of rows) byCampaign.set(row.campaignId, (byCampaign.get(row.campaignId) ?? 0) + 1);
      for (const [campaignId, n] of byCampaign) await adjustCounts(tx, campaignId, { pending: -n });
      deleted += rows.length;
      return ids.length;
    });
    if (found < batchSize) break;
  }
  return deleted;
}

/** Forgets the client address of signatures made before `before`; their counting is untouched. */
export async function clearClientAddresses(before: Date): Promise<number> {
  let cleared = 0;
  for (;;) {
    const changed = await database()
      .orm.update(signatures)
      .set({ clientAddress: null })
      .where(
        inArray(
          signatures.id,
          database()
            .orm.select({ id: signatures.id })
            .from(signatures)
            .where(and(isNotNull(signatures.clientAddress), lt(signatures.signedAt, before)))
            .limit(batchSize),
        ),
      )
      .returning({ id: signatures.id });
    cleared += changed.length;
    if (changed.length < batchSize) break;
  }
  return cleared;
}

/** Deletes the records of mail sent before `sentBefore` and given up on before `failedBefore`. */
export async function deleteOldMail(sentBefore: Date, failedBefore: Date): Promise<number> {
  const deleted = await database()
    .orm.delete(outbox)
    .where(or(lt(outbox.sentAt, sentBefore), lt(outbox.failedAt, failedBefore)))
    .returning({ id: outbox.id });
  return deleted.length;
}

/** Deletes limit and sign-in throttle records whose window has passed. */
export async function deleteExpiredLimits(now: Date): Promise<number> {
  const deleted = await database().orm.delete(rateLimits).where(lt(rateLimits.expire, now.getTime())).returning({ key: rateLimits.key });
  return deleted.length;
}
