import { and, inArray, isNull, sql } from "drizzle-orm";
import type { SignatureStore } from "@/lib/domain/ports/signatures";
import type { Dialect } from "./dialect";

/** Backfills rows stored before the column was added, found through signatures_by_name, where each campaign's missing keys
 * are together: no scan, even when none are left. */
export function nameKeyFiller(d: Dialect): SignatureStore["fillMissingNameKeys"] {
  const { campaigns, signatures } = d.tables;
  return (key, batch) =>
    d.write(async (tx) => {
      // Skipping rows another process is filling, so two backfills at once never wait for each other.
      const missing = await d.locked(
        tx
          .select({ id: signatures.id, fullName: signatures.fullName })
          .from(signatures)
          .where(and(inArray(signatures.campaignId, tx.select({ id: campaigns.id }).from(campaigns)), isNull(signatures.nameKey)))
          .limit(batch),
        { skipLocked: true },
      );
      if (missing.length === 0) return 0;
      // One statement for the batch: each id's key in a CASE, which both databases read alike.
      const keys = sql.join(
        missing.map((row) => sql`when ${row.id} then ${key(row.fullName)}`),
        sql` `,
      );
      await tx
        .update(signatures)
        .set({ nameKey: sql`case ${signatures.id} ${keys} end` })
        .where(
          inArray(
            signatures.id,
            missing.map((row) => row.id),
          ),
        );
      return missing.length;
    });
}
