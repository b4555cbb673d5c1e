import { and, eq, gt, gte, inArray, isNotNull, lt, sql, type Column, type SQL } from "drizzle-orm";
import type { SignatureStatus } from "@/lib/domain/model";
import type { ChartStore, SignatureBucket, VerificationCounts } from "@/lib/domain/ports/charts";
import type { Dialect, Handle } from "./dialect";
import { perHandle } from "./dialect";

/** The statuses the time series keeps apart; suspected signatures are in no chart. */
const seriesStatuses = ["confirmed", "pending", "invalidated"] as const satisfies readonly SignatureStatus[];
/** What the other charts count: signatures that count or await confirmation. */
const countedStatuses = ["confirmed", "pending"] as const satisfies readonly SignatureStatus[];

/**
 * A signature's time-to-fill bucket, named by its lower edge; null when the time is unknown. The
 * edges are bound as integers so both dialects hand back numbers.
 */
function fillBucket(fillMs: Column, edgesMs: readonly number[]): SQL<number | null> {
  const highestFirst = [...edgesMs].sort((a, b) => b - a);
  const whens = highestFirst.map((edge) => sql`when ${fillMs} >= ${edge} then cast(${edge} as integer)`);
  return sql<number | null>`case ${sql.join(whens, sql` `)} end`;
}

/** Rows of (bucket, status, count) as one record per bucket, oldest first. */
function bucketsOf(rows: readonly { start: Date; status: SignatureStatus; n: number }[]): SignatureBucket[] {
  const byStart = new Map<number, SignatureBucket>();
  for (const { start, status, n } of rows) {
    if (status === "suspected") continue;
    const bucket = byStart.get(start.getTime()) ?? { start, confirmed: 0, pending: 0, invalidated: 0 };
    bucket[status] += n;
    byStart.set(start.getTime(), bucket);
  }
  return [...byStart.values()].sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** Counts of the same key from several parts, added up; keys in the order first seen. */
function sumByKey<K>(rows: readonly { key: K; n: number | string }[]): Map<K, number> {
  const sums = new Map<K, number>();
  for (const { key, n } of rows) sums.set(key, (sums.get(key) ?? 0) + Number(n));
  return sums;
}

/**
 * The organisers' charts and the delivery report's figures, each a GROUP BY in the database, run by
 * the dialect a part at a time (d.countInRanges: SQLite a range of ids a turn, so one dashboard never
 * holds the process's one thread for long; PostgreSQL whole) and added up here.
 */
export function chartStore(d: Dialect): ChartStore {
  const { signatures } = d.tables;
  const counted = inArray(signatures.status, [...countedStatuses]);

  // Named index: on SQLite the planner would otherwise take one (by time, by status) that reads the
  // whole campaign for every range.
  const grouped = <Row>(campaignId: number, select: SQL, where: SQL | undefined, groupBy: SQL, since?: Date) =>
    d.countInRanges<Row>(
      campaignId,
      (range) => d.rows<Row>(d.read(), sql`select ${select} from ${signatures} ${d.indexedBy("signatures_by_petition")} where ${and(range, where)} group by ${groupBy}`),
      since,
    );

  const signerNames = perHandle((h: Handle) =>
    h
      .select({ id: signatures.id, fullName: signatures.fullName, country: signatures.country })
      .from(signatures)
      .where(and(eq(signatures.campaignId, sql.placeholder("campaignId")), eq(signatures.status, "confirmed"), gt(signatures.id, sql.placeholder("afterId"))))
      .orderBy(signatures.id)
      .limit(sql.placeholder("limit"))
      .prepare("countersign-signer-names"),
  );

  return {
    async signatureTimeSeries(campaignId, { unit, from, to }) {
      const rows = await grouped<{ start: Date | number; status: SignatureStatus; n: number | string }>(
        campaignId,
        sql`${d.bucketStart(signatures.signedAt, unit)} as start, ${signatures.status} as status, count(*) as n`,
        and(from === undefined ? undefined : gte(signatures.signedAt, from), lt(signatures.signedAt, to), inArray(signatures.status, [...seriesStatuses])),
        sql`1, 2`,
        from,
      );
      return bucketsOf(rows.map((row) => ({ start: new Date(row.start), status: row.status, n: Number(row.n) })));
    },

    async signaturesByCountry(campaignId) {
      const rows = await grouped<{ key: string; n: number }>(campaignId, sql`${signatures.country} as key, count(*) as n`, counted, sql`1`);
      return [...sumByKey(rows)].map(([country, count]) => ({ country, count })).sort((a, b) => b.count - a.count || (a.country < b.country ? -1 : 1));
    },

    async fillTimeHistogram(campaignId, edgesMs) {
      const rows = await grouped<{ key: number | null; n: number }>(campaignId, sql`${fillBucket(signatures.fillMs, edgesMs)} as key, count(*) as n`, counted, sql`1`);
      return [...sumByKey(rows)].map(([fromMs, count]) => ({ fromMs: fromMs === null ? null : Number(fromMs), count })).sort((a, b) => (a.fromMs ?? -1) - (b.fromMs ?? -1));
    },

    /** Counts only, never whose: each sharer's link is added up across the parts, and only the most are kept. */
    async referralSummary(campaignId, top) {
      const [all, byReferrer] = await Promise.all([
        grouped<{ key: number; n: number }>(campaignId, sql`${signatures.campaignId} as key, count(*) as n`, counted, sql`1`),
        grouped<{ key: number; n: number }>(campaignId, sql`${signatures.referrerId} as key, count(*) as n`, and(counted, isNotNull(signatures.referrerId)), sql`1`),
      ]);
      const sharers = [...sumByKey(byReferrer).values()];
      const referred = sharers.reduce((sum, n) => sum + n, 0);
      const total = [...sumByKey(all).values()].reduce((sum, n) => sum + n, 0);
      return { referred, direct: total - referred, sharers: sharers.length, topSharers: sharers.sort((a, b) => b - a).slice(0, top) };
    },

    listSignerNames: (campaignId, afterId, limit) => signerNames(d.read()).execute({ campaignId, afterId, limit }),

    async countVerification(campaignId) {
      const parts = await grouped<{ byEmail: number; withoutEmail: number; imported: number }>(
        campaignId,
        sql`count(${signatures.confirmedAt}) as "byEmail",
          count(*) filter (where ${signatures.confirmedAt} is null and ${signatures.importId} is null) as "withoutEmail",
          count(${signatures.importId}) as imported`,
        eq(signatures.status, "confirmed"),
        sql`${signatures.campaignId}`,
      );
      const counts: VerificationCounts = { byEmail: 0, withoutEmail: 0, imported: 0 };
      for (const part of parts) for (const key of ["byEmail", "withoutEmail", "imported"] as const) counts[key] += Number(part[key]);
      return counts;
    },
  };
}
