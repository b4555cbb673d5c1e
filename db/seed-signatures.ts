import { nameKey } from "@/lib/domain/name-key";
import type { SignatureStore } from "@/lib/domain/ports/signatures";
import { perHandle, placeholders, type Dialect, type Handle } from "./dialect";
import { logAdds } from "./log-entries";

// Rows a transaction: 14 columns each stay under PostgreSQL's 65,535 bound values a statement.
const batch = 4_000;

/**
 * Fills a campaign with confirmed signatures fast, for benchmarks and tests at scale: a transaction
 * a batch, each row through one prepared insert on SQLite or the batch in one statement on
 * PostgreSQL (d.insertMany), the count and signer numbers moved once a batch. Not for real signers.
 */
export function seedSignatures(d: Dialect): SignatureStore["insertSeedSignatures"] {
  const { signatures } = d.tables;
  const insertOne = perHandle((h: Handle) =>
    h
      .insert(signatures)
      .values({ ...placeholders("campaignId", "fullName", "nameKey", "email", "emailKey", "emailDomain", "country", "comment", "showName", "wantsUpdates", "clientAddress", "signedAt", "confirmedAt"), status: "confirmed" })
      .returning({ signatureId: signatures.id, country: signatures.country })
      .prepare("countersign-seed-signature"),
  );
  return async (campaignId, count, row, startAt = 0) => {
    const started = Date.now() - count * 50;
    for (let from = startAt; from < startAt + count; from += batch) {
      const rows = Array.from({ length: Math.min(startAt + count, from + batch) - from }, (_, k) => {
        const i = from + k;
        const signer = row(i);
        const at = new Date(started + (i - startAt) * 50);
        return {
          ...signer,
          campaignId,
          status: "confirmed" as const,
          nameKey: nameKey(signer.fullName),
          clientAddress: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
          signedAt: at,
          confirmedAt: at,
        };
      });
      await d.write(async (tx) => {
        const stored = await d.insertMany(
          rows,
          (one) => insertOne(tx).execute(one),
          (all) => tx.insert(signatures).values([...all]).returning({ signatureId: signatures.id, country: signatures.country }),
        );
        await d.counts.move(tx, campaignId, { confirmed: rows.length }, new Date());
        // In the count log as they count, as any signature is: the log and the count must agree at every size.
        await logAdds(d, tx, stored.map((s) => ({ ...s, campaignId })), "email", new Date());
      });
    }
  };
}
