import { and, inArray, isNull, sql } from "drizzle-orm";
import { inTransaction } from "./client";
import { campaigns, signatures } from "./schema";

/**
 * Writes the name key of up to `batch` signatures stored before the column was added, in one
 * transaction; returns how many. Found through signatures_by_name, where the missing keys of each
 * campaign are together at its start: no scan, even when none are left.
 */
export async function fillMissingNameKeys(key: (name: string) => string, batch: number): Promise<number> {
  return inTransaction((tx) => {
    const missing = tx
      .select({ id: signatures.id, fullName: signatures.fullName })
      .from(signatures)
      .where(and(inArray(signatures.campaignId, tx.select({ id: campaigns.id }).from(campaigns)), isNull(signatures.nameKey)))
      .limit(batch)
      .all();
    for (const row of missing) {
      tx.update(signatures).set({ nameKey: key(row.fullName) }).where(sql`${signatures.id} = ${row.id}`).run();
    }
    return missing.length;
  });
}
