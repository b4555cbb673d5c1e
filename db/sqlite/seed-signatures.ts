import { eq, sql } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { nameKey } from "@/lib/domain/name-key";
import type { SignatureStore } from "@/lib/domain/ports/signatures";
import type { SqliteConnection } from "./connection";
import * as schema from "./schema";

type Orm = BetterSQLite3Database<typeof schema>;
const { campaigns } = schema;

/**
 * Fills a campaign with confirmed signatures fast, for benchmarks: large transactions, one
 * prepared statement, and the count moved once per batch. Not for real signers. Each batch is one
 * write of the group commit (`inCommit`), since the writer's transactions are the group commit's.
 */
export function seedSignatures(writerConnection: SqliteConnection, writer: Orm, inCommit: (work: () => void) => Promise<void>): SignatureStore["insertSeedSignatures"] {
  return async (campaignId, count, row, startAt = 0) => {
    const insert = writerConnection.prepare(
      `insert into signatures (petition_id, status, full_name, name_key, email, email_key, email_domain, country, comment,
         show_name, wants_updates, client_address, signed_at, confirmed_at)
       values (?, 'confirmed', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const batch = 50_000;
    const started = Date.now() - count * 50;
    for (let from = startAt; from < startAt + count; from += batch) {
      const to = Math.min(startAt + count, from + batch);
      await inCommit(() => {
        for (let i = from; i < to; i++) {
          const r = row(i);
          const at = started + (i - startAt) * 50;
          insert.run(campaignId, r.fullName, nameKey(r.fullName), r.email, r.emailKey, r.emailDomain, r.country, r.comment,
            r.showName ? 1 : 0, r.wantsUpdates ? 1 : 0, `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, at, at);
        }
        writer
          .update(campaigns)
          .set({
            signatureCount: sql`${campaigns.signatureCount} + ${to - from}`,
            signerNumbersIssued: sql`${campaigns.signerNumbersIssued} + ${to - from}`,
            revision: sql`${campaigns.revision} + 1`,
          })
          .where(eq(campaigns.id, campaignId))
          .run();
      });
    }
  };
}
