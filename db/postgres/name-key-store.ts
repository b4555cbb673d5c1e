import { and, inArray, isNull, sql } from "drizzle-orm";
import { inTransaction } from "./client";
import { campaigns, signatures } from "./schema";

/**
 * Writes the name key of up to `batch` signatures stored before the column was added, in one
 * transaction; returns how many. Found through signatures_by_name, where the missing keys of each
 * campaign are together: no scan, even when none are left.
 */
export async function fillMissingNameKeys(key: (name: string) => string, batch: number): Promise<number> {
  return inTransaction(async (tx) => {
    const missing = await tx
      .select({ id: signatures.id, fullName: signatures.fullName })
      .from(signatures)
      .where(and(inArray(signatures.campaignId, tx.select({ id: campaigns.id }).from(campaigns)), isNull(signatures.nameKey)))
      .limit(batch)
      .for("update", { skipLocked: true });
    if (missing.length === 0) return 0;
    // One statement for the batch: the keys as an array beside the ids.
    await tx.execute(
      sql`update signatures set name_key = k.key from unnest(${sql.param(missing.map((r) => r.id))}::int[], ${sql.param(missing.map((r) => key(r.fullName)))}::text[]) as k(id, key) where signatures.id = k.id`,
    );
    return missing.length;
  });
}
