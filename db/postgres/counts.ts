import { sql } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type { CountKeeper, Handle } from "../dialect";
import * as schema from "./schema";

const { campaigns, countDeltas } = schema;
type Orm = NodePgDatabase<typeof schema>;

/**
 * Every campaign's counts are its row's, as of the last fold (folder.ts), plus its deltas not yet
 * folded: as a join for a query over `petitions p` (db:copy's tally).
 */
export const unfoldedCounts = sql.raw(`left join lateral (
    select coalesce(sum(d.confirmed), 0)::int as confirmed, coalesce(sum(d.pending), 0)::int as pending
    from count_deltas d where d.petition_id = p.id
  ) d on true`);

/** The name of the sequence a campaign's signer numbers come from: no row is locked to hand one out. */
export const signerSequenceName = (campaignId: number) => `signer_numbers_${Math.trunc(campaignId)}`;
const signerSequence = (campaignId: number) => sql.raw(signerSequenceName(campaignId));
// The campaign's id is qualified by hand: drizzle names a column unqualified in a one-table
// select's fields, where the subquery would read "id" as the delta's own.
const unfolded = (column: "confirmed" | "pending", kept: typeof campaigns.signatureCount | typeof campaigns.pendingCount) =>
  sql<number>`(${kept} + coalesce((select sum(d.${sql.raw(column)}) from ${countDeltas} d where d.petition_id = ${campaigns}.id), 0))`.mapWith(Number);

/**
 * A signature on PostgreSQL never updates its campaign's row (every signature would wait for the
 * one before it): it inserts a count delta, folded into the row a few times a second by one
 * process, and takes its signer number from its campaign's sequence.
 */
export function postgresCounts(asOrm: (handle: Handle) => Orm, takeSequenceTurn: (tx: Handle) => Promise<void>): CountKeeper {
  return {
    async move(tx, campaignId, change) {
      const confirmed = change.confirmed ?? 0;
      const pending = change.pending ?? 0;
      if (confirmed !== 0 || pending !== 0) await tx.insert(countDeltas).values({ campaignId, confirmed, pending });
      if (confirmed <= 0) return 0;
      const { rows } = await asOrm(tx).execute<{ n: string }>(sql`select max(nextval('${signerSequence(campaignId)}')) as n from generate_series(1, ${confirmed})`);
      return Number(rows[0]!.n);
    },
    async nextSignerNumber(handle, campaignId) {
      const { rows } = await asOrm(handle).execute<{ next: string }>(
        sql`select case when is_called then last_value + 1 else last_value end as next from ${signerSequence(campaignId)}`,
      );
      return Number(rows[0]!.next);
    },
    async prepare(tx, campaignId) {
      await takeSequenceTurn(tx);
      await asOrm(tx).execute(sql`create sequence if not exists ${signerSequence(campaignId)}`);
    },
    confirmedCount: unfolded("confirmed", campaigns.signatureCount),
    pendingCount: unfolded("pending", campaigns.pendingCount),
  };
}
