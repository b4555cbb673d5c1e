import { count, eq, inArray } from "drizzle-orm";
import { signatureFilterWhere } from "../signature-filter";
import { database, inTransaction } from "./client";
import type { SignatureStatus } from "@/lib/domain/model";
import type { Release, SignatureFilter, SuspectedSignature } from "@/lib/store-contract";
import { enqueueMailIn } from "./outbox-store";
import { adjustCounts } from "./campaign-row-store";
import { confirmations, signatures } from "./schema";

const filterWhere = (filter: SignatureFilter) => signatureFilterWhere(signatures, filter);

/** How many signatures the filter matches: the preview before a bulk change. */
export async function countMatchingSignatures(filter: SignatureFilter): Promise<number> {
  const [row] = database().orm.select({ n: count() }).from(signatures).where(filterWhere(filter)).all();
  return row?.n ?? 0;
}

/** Marks matching signatures invalid: kept for the audit, no longer counted, listed or exported. */
export async function invalidateSignatures(filter: SignatureFilter, now: Date): Promise<number> {
  const where = filterWhere(filter);
  return inTransaction((tx) => {
    // Counted before the update, in the same immediate transaction, so the two agree.
    const byStatus = tx.select({ status: signatures.status, n: count() }).from(signatures).where(where).groupBy(signatures.status).all();
    const n = (status: SignatureStatus) => byStatus.find((row) => row.status === status)?.n ?? 0;
    const total = byStatus.reduce((sum, row) => sum + row.n, 0);
    if (total === 0) return 0;
    tx.update(signatures).set({ status: "invalidated", invalidatedAt: now }).where(where).run();
    tx.delete(confirmations)
      .where(inArray(confirmations.signatureId, tx.select({ id: signatures.id }).from(signatures).where(eq(signatures.status, "invalidated"))))
      .run();
    adjustCounts(filter.campaignId, { confirmed: -n("confirmed"), pending: -n("pending") }, now);
    return total;
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
  const where = filterWhere({ ...filter, suspected: true });
  return inTransaction((tx) => {
    const found = tx
      .select({ id: signatures.id, fullName: signatures.fullName, email: signatures.email, emailKey: signatures.emailKey, locale: signatures.locale })
      .from(signatures)
      .where(where)
      .all();
    let confirmed = 0;
    for (const signature of found) {
      const next = release(signature);
      if (next.kind === "count") {
        tx.update(signatures).set({ status: "confirmed" }).where(eq(signatures.id, signature.id)).run();
        confirmed++;
        continue;
      }
      tx.update(signatures).set({ status: "pending" }).where(eq(signatures.id, signature.id)).run();
      tx.insert(confirmations).values({ signatureId: signature.id, ...next.confirmation, lastSentAt: now }).run();
      enqueueMailIn(tx, { ...next.mail, signatureId: signature.id }, now);
    }
    if (found.length > 0) adjustCounts(filter.campaignId, { confirmed, pending: found.length - confirmed }, now);
    return found.length;
  });
}
