import { and, eq, inArray, isNotNull, isNull, lt, lte, or } from "drizzle-orm";
import type { HousekeepingStore } from "@/lib/domain/ports/housekeeping";
import type { Dialect } from "./dialect";

// Rows changed per transaction: small enough that signing never waits long for the write lock
// (SQLite's one writer) or on the rows' locks (PostgreSQL).
const batchSize = 2_000;

export type RetentionWork = Pick<HousekeepingStore, "deleteUnconfirmable" | "clearClientAddresses" | "deleteOldMail" | "deleteExpiredLimits">;

/** Deletes what is no longer needed, in small batches, each its own transaction. */
export function retentionStore(d: Dialect): RetentionWork {
  const { campaigns, confirmations, outbox, rateLimits, signatures } = d.tables;

  return {
    /** Pending signatures whose link has expired, or that never had one and are older than a link would live. */
    async deleteUnconfirmable(now, linkLifetimeMs) {
      const bornBefore = new Date(now.getTime() - linkLifetimeMs);
      let deleted = 0;
      for (;;) {
        const removed = await d.write(async (tx) => {
          // Found through the small tables (confirmations holds pending signatures, and imported ones
          // whose address was signed with again; the status index is per campaign), never by scanning every signature.
          const expired = await tx.select({ id: confirmations.signatureId }).from(confirmations).where(lte(confirmations.expiresAt, now)).limit(batchSize);
          const linkless = await tx
            .select({ id: signatures.id })
            .from(campaigns)
            .innerJoin(signatures, and(eq(signatures.campaignId, campaigns.id), eq(signatures.status, "pending")))
            .leftJoin(confirmations, eq(confirmations.signatureId, signatures.id))
            .where(and(isNull(confirmations.signatureId), lt(signatures.signedAt, bornBefore)))
            .limit(batchSize);
          const ids = [...expired, ...linkless].map((row) => row.id);
          if (ids.length === 0) return { found: 0, deleted: 0 };
          const rows = await tx
            .delete(signatures)
            .where(and(inArray(signatures.id, ids), eq(signatures.status, "pending")))
            .returning({ campaignId: signatures.campaignId });
          // An imported signature's unpressed link goes, the signature stays: it counted before the link.
          if (expired.length > 0) await tx.delete(confirmations).where(inArray(confirmations.signatureId, expired.map((row) => row.id)));
          const byCampaign = new Map<number, number>();
          for (const row of rows) byCampaign.set(row.campaignId, (byCampaign.get(row.campaignId) ?? 0) + 1);
          for (const [campaignId, n] of byCampaign) await d.counts.move(tx, campaignId, { pending: -n }, now);
          return { found: ids.length, deleted: rows.length };
        });
        deleted += removed.deleted;
        if (removed.found < batchSize) break;
      }
      if (deleted > 0) d.erased();
      return deleted;
    },

    /** Forgets the client address of signatures made before `before`; their counting is untouched. */
    async clearClientAddresses(before) {
      let cleared = 0;
      for (;;) {
        const changed = await d.statement((h) =>
          h
            .update(signatures)
            .set({ clientAddress: null })
            .where(
              inArray(
                signatures.id,
                h
                  .select({ id: signatures.id })
                  .from(signatures)
                  .where(and(isNotNull(signatures.clientAddress), lt(signatures.signedAt, before)))
                  .limit(batchSize),
              ),
            )
            .returning({ id: signatures.id }),
        );
        cleared += changed.length;
        if (changed.length < batchSize) break;
      }
      if (cleared > 0) d.erased();
      return cleared;
    },

    /** Deletes the records of mail sent before `sentBefore` and given up on before `failedBefore`. */
    async deleteOldMail(sentBefore, failedBefore) {
      const deleted = await d.statement((h) =>
        h
          .delete(outbox)
          .where(or(lt(outbox.sentAt, sentBefore), lt(outbox.failedAt, failedBefore)))
          .returning({ id: outbox.id }),
      );
      return deleted.length;
    },

    /** Deletes limit and sign-in throttle records whose window has passed. */
    async deleteExpiredLimits(now) {
      const deleted = await d.statement((h) => h.delete(rateLimits).where(lt(rateLimits.expire, now.getTime())).returning({ key: rateLimits.key }));
      return deleted.length;
    },
  };
}
