import { count, eq, inArray, sql } from "drizzle-orm";
import type { Release, SignatureFilter, SuspectedSignature } from "@/lib/store-contract";
import { signatureFilterWhere } from "../signature-filter";
import { database, inTransaction } from "./client";
import { enqueueMailIn } from "./outbox-store";
import { adjustCounts } from "./campaign-row-store";
import { confirmations, signatures } from "./schema";

const filterWhere = (filter: SignatureFilter) => signatureFilterWhere(signatures, filter);

/** How many signatures the filter matches: the preview before a bulk change. */
export async function countMatchingSignatures(filter: SignatureFilter): Promise<number> {
  const [row] = await database().orm.select({ n: count() }).from(signatures).where(filterWhere(filter));
  return row?.n ?? 0;
}

/** Marks matching signatures invalid: kept for the audit, no longer counted, listed or exported. */
export async function invalidateSignatures(filter: SignatureFilter, now: Date): Promise<number> {
  return inTransaction(async (tx) => {
    // The statuses they had come back from the update itself, so the count moves by exactly those.
    const changed = await tx
      .update(signatures)
      .set({ status: "invalidated", invalidatedAt: now })
      .from(sql`(select id, status as was from signatures where ${filterWhere(filter)} for update) as before`)
      .where(sql`${signatures.id} = before.id`)
      .returning({ id: signatures.id, was: sql<string>`before.was` });
    if (changed.length === 0) return 0;
    await tx.delete(confirmations).where(inArray(confirmations.signatureId, changed.map((row) => row.id)));
    const n = (status: string) => changed.filter((row) => row.was === status).length;
    await adjustCounts(tx, filter.campaignId, { confirmed: -n("confirmed"), pending: -n("pending") });
    return changed.length;
  });
}

/**
 * Releases the suspected signatures a filter matches, as an organiser judged them real: each
 * continues as `release` says, in one transaction with the counts. Returns how many.
 */
export async function releaseSuspected(
  filter: Omit<SignatureFilter, "suspected">,
  release: (signature: SuspectedSignature) => Release,
  now: Date,
): Promise<number> {
  return inTransaction(async (tx) => {
    const found = await tx
      .select({ id: signatures.id, fullName: signatures.fullName, email: signatures.email, emailKey: signatures.emailKey, locale: signatures.locale })
      .from(signatures)
      .where(filterWhere({ ...filter, suspected: true }))
      .for("update");
    let confirmed = 0;
    for (const signature of found) {
      const next = release(signature);
      if (next.kind === "count") {
        await tx.update(signatures).set({ status: "confirmed" }).where(eq(signatures.id, signature.id));
        confirmed++;
        continue;
      }
      await tx.update(signatures).set({ status: "pending" }).where(eq(signatures.id, signature.id));
      await tx.insert(confirmations).values({ signatureId: signature.id, ...next.confirmation, lastSentAt: now });
      await enqueueMailIn(tx, { ...next.mail, signatureId: signature.id }, now);
    }
    await adjustCounts(tx, filter.campaignId, { confirmed, pending: found.length - confirmed });
    return found.length;
  });
}
