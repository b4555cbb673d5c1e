import { and, count, countDistinct, desc, eq, gte, inArray, isNotNull, lt, sql } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { bucketsOf, byFirstColumn, countedStatuses, fillBucket, seriesStatuses, type ChartFigures } from "../chart-figures";
import * as schema from "./schema";

const { signatures } = schema;

const counted = (campaignId: number) => and(eq(signatures.campaignId, campaignId), inArray(signatures.status, [...countedStatuses]));

/** The charts' figures on PostgreSQL, each counted in one query on the server, off this process's thread. */
export function postgresCharts(orm: NodePgDatabase<typeof schema>): ChartFigures {
  return {
    async signatureTimeSeries(campaignId, { unit, from, to }) {
      // timestamptz truncated in UTC, whatever the session's time zone.
      const start = sql`date_trunc(${unit}, ${signatures.signedAt}, 'UTC')`.mapWith(signatures.signedAt);
      // The range is on signatures_by_time (petition_id, signed_at).
      const rows = await orm
        .select({ start, status: signatures.status, n: count() })
        .from(signatures)
        .where(
          and(
            eq(signatures.campaignId, campaignId),
            from === undefined ? undefined : gte(signatures.signedAt, from),
            lt(signatures.signedAt, to),
            inArray(signatures.status, [...seriesStatuses]),
          ),
        )
        .groupBy(byFirstColumn, signatures.status);
      return bucketsOf(rows);
    },

    async signaturesByCountry(campaignId) {
      const n = count();
      return orm.select({ country: signatures.country, count: n }).from(signatures).where(counted(campaignId)).groupBy(signatures.country).orderBy(desc(n), signatures.country);
    },

    async referralSummary(campaignId, top) {
      const [totals] = await orm
        .select({ all: count(), referred: count(signatures.referrerId), sharers: countDistinct(signatures.referrerId) })
        .from(signatures)
        .where(counted(campaignId));
      const n = count();
      const topSharers = await orm
        .select({ n })
        .from(signatures)
        .where(and(counted(campaignId), isNotNull(signatures.referrerId)))
        .groupBy(signatures.referrerId)
        .orderBy(desc(n))
        .limit(top);
      const referred = totals?.referred ?? 0;
      return { referred, direct: (totals?.all ?? 0) - referred, sharers: totals?.sharers ?? 0, topSharers: topSharers.map((row) => row.n) };
    },

    async fillTimeHistogram(campaignId, edgesMs) {
      return orm
        .select({ fromMs: fillBucket(signatures.fillMs, edgesMs), count: count() })
        .from(signatures)
        .where(counted(campaignId))
        .groupBy(byFirstColumn)
        .orderBy(byFirstColumn);
    },
  };
}
