import type { Pool } from "pg";
import { nameKey } from "@/lib/domain/name-key";
import type { SignatureStore } from "@/lib/domain/ports/signatures";
import { signerSequenceName } from "./counts";

/**
 * Fills a campaign with confirmed signatures fast, for benchmarks and tests of scale: 5,000 rows a
 * statement (unnest of arrays), and the count and signer numbers moved once per batch. Not for
 * real signers.
 */
export function seedSignatures(pool: Pool): SignatureStore["insertSeedSignatures"] {
  return async (campaignId, count, row, startAt = 0) => {
    const batch = 5_000;
    const started = Date.now() - count * 50;
    for (let from = startAt; from < startAt + count; from += batch) {
      const to = Math.min(startAt + count, from + batch);
      const columns = { names: [] as string[], nameKeys: [] as string[], emails: [] as string[], keys: [] as string[], domains: [] as string[], countries: [] as string[], comments: [] as (string | null)[], shown: [] as boolean[], updates: [] as boolean[], addresses: [] as string[], at: [] as Date[] };
      for (let i = from; i < to; i++) {
        const r = row(i);
        columns.names.push(r.fullName);
        columns.nameKeys.push(nameKey(r.fullName));
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
      // Each column goes as one array parameter, so a batch is one statement of 13 parameters.
      const client = await pool.connect();
      try {
        await client.query("begin");
        try {
          await client.query(
            `insert into signatures (petition_id, status, full_name, email, email_key, email_domain, country, comment,
               show_name, wants_updates, client_address, signed_at, confirmed_at, name_key)
             select $1, 'confirmed', n, e, k, d, c, m, s, w, a, at, at, nk from unnest(
               $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::boolean[], $9::boolean[],
               $10::text[], $11::timestamptz[], $12::text[]) as u(n, e, k, d, c, m, s, w, a, at, nk)`,
            [campaignId, columns.names, columns.emails, columns.keys, columns.domains, columns.countries, columns.comments, columns.shown, columns.updates, columns.addresses, columns.at, columns.nameKeys],
          );
          await client.query("insert into count_deltas (petition_id, confirmed, pending) values ($1, $2, 0)", [campaignId, to - from]);
          const sequence = signerSequenceName(campaignId);
          await client.query(`select setval('${sequence}', (select case when is_called then last_value else 0 end from ${sequence}) + $1)`, [to - from]);
          await client.query("commit");
        } catch (error) {
          await client.query("rollback");
          throw error;
        }
      } finally {
        client.release();
      }
    }
  };
}
