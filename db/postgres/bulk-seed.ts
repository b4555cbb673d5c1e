import { sql } from "drizzle-orm";
import type { SeedSigner } from "@/lib/store-contract";
import { inTransaction } from "./client";
import { adjustCounts, signerSequence } from "./petition-store";

/**
 * Fills a campaign with confirmed signatures fast, for benchmarks and tests of scale: 5,000 rows a
 * statement (unnest of arrays), and the count and signer numbers moved once per batch. Not for
 * real signers.
 */
export async function insertSeedSignatures(petitionId: number, count: number, row: (i: number) => SeedSigner, startAt = 0): Promise<void> {
  const batch = 5_000;
  const started = Date.now() - count * 50;
  for (let from = startAt; from < startAt + count; from += batch) {
    const to = Math.min(startAt + count, from + batch);
    const columns = { names: [] as string[], emails: [] as string[], keys: [] as string[], domains: [] as string[], countries: [] as string[], comments: [] as (string | null)[], shown: [] as boolean[], updates: [] as boolean[], addresses: [] as string[], at: [] as Date[] };
    for (let i = from; i < to; i++) {
      const r = row(i);
      columns.names.push(r.fullName);
      columns.emails.push(r.email);
      columns.keys.push(r.emailKey);
      columns.domains.push(r.emailDomain);
      columns.countries.push(r.country);
      columns.comments.push(r.comment);
      columns.shown.push(r.showName);
      columns.updates.push(r.wantsUpdates);
      columns.addresses.push(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
      columns.at.push(new Date(started + (i - startAt) * 50));
    }
    await inTransaction(async (tx) => {
      await tx.execute(sql`
        insert into signatures (petition_id, status, full_name, email, email_key, email_domain, country, comment,
          show_name, wants_updates, client_address, signed_at, confirmed_at)
        select ${petitionId}, 'confirmed', * , at from unnest(
          ${columns.names}::text[], ${columns.emails}::text[], ${columns.keys}::text[], ${columns.domains}::text[],
          ${columns.countries}::text[], ${columns.comments}::text[], ${columns.shown}::boolean[], ${columns.updates}::boolean[],
          ${columns.addresses}::text[], ${columns.at}::timestamptz[]) as u(n, e, k, d, c, m, s, w, a, at)`);
      await adjustCounts(tx, petitionId, { confirmed: to - from });
      await tx.execute(sql`select setval('${signerSequence(petitionId)}', (select case when is_called then last_value else 0 end from ${signerSequence(petitionId)}) + ${to - from})`);
    });
  }
}
