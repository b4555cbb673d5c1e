import { and, eq, gt, sql, type SQL } from "drizzle-orm";
import type { FigureKind } from "@/lib/domain/figures";
import type { SignatureStatus } from "@/lib/domain/model";
import type { ChartStore, SignatureBucket, VerificationCounts } from "@/lib/domain/ports/charts";
import type { Dialect, Handle } from "./dialect";
import { perHandle } from "./dialect";
import { figureRecounter } from "./figure-recount";

/** The statuses the time series keeps apart; suspected signatures are in no chart. */
const seriesStatuses = ["confirmed", "pending", "invalidated"] as const satisfies readonly SignatureStatus[];
/** What the other charts count: signatures that count or await confirmation. */
const countedStatuses = ["confirmed", "pending"] as const satisfies readonly SignatureStatus[];

type Bucketed = { bucket: string; status: SignatureStatus; n: number | string };

/** Rows of (bucket, status, count) as one record per bucket, oldest first. */
function bucketsOf(rows: readonly Bucketed[]): SignatureBucket[] {
  const byStart = new Map<number, SignatureBucket>();
  for (const { bucket, status, n } of rows) {
    if (status === "suspected") continue;
    const start = Number(bucket);
    const found = byStart.get(start) ?? { start: new Date(start), confirmed: 0, pending: 0, invalidated: 0 };
    found[status] += Number(n);
    byStart.set(start, found);
  }
  return [...byStart.values()].sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** Counts of the same bucket across statuses, added up. */
function sumByBucket(rows: readonly Bucketed[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const { bucket, n } of rows) sums.set(bucket, (sums.get(bucket) ?? 0) + Number(n));
  return sums;
}

/**
 * The organisers' charts and the delivery report's figures, read from the figures the database keeps as signatures change
 * (d.figures): a few rows a chart, however many signatures, so no dashboard holds the process's thread or the database for long.
 */
export function chartStore(d: Dialect): ChartStore {
  const { signatures } = d.tables;

  /** The campaign's kept figures of one kind and these statuses, by bucket and status; buckets that fell to none left out. */
  const kept = (campaignId: number, kind: FigureKind, statuses: readonly SignatureStatus[], where?: SQL) =>
    d.rows<Bucketed>(
      d.read(),
      sql`select bucket, status, sum(count) as n from ${d.figures.kept} f
        where ${and(sql`petition_id = ${campaignId} and kind = ${kind} and status in (${sql.join(statuses.map((s) => sql`${s}`), sql`, `)})`, where)}
        group by bucket, status having sum(count) <> 0`,
    );
  const total = (rows: readonly Bucketed[]) => rows.reduce((sum, row) => sum + Number(row.n), 0);

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
      // A bucket is its start in epoch milliseconds, as text: compared as a number. The CASE keeps PostgreSQL from casting
      // another kind's bucket (a country) when it tests the range before the kind.
      const start = sql`cast(case when kind = ${unit} then bucket end as bigint)`;
      const range = and(from === undefined ? undefined : sql`${start} >= ${from.getTime()}`, sql`${start} < ${to.getTime()}`);
      return bucketsOf(await kept(campaignId, unit, seriesStatuses, range));
    },

    async signaturesByCountry(campaignId) {
      const rows = await kept(campaignId, "country", countedStatuses);
      return [...sumByBucket(rows)]
        .filter(([, count]) => count > 0)
        .map(([country, count]) => ({ country, count }))
        .sort((a, b) => b.count - a.count || (a.country < b.country ? -1 : 1));
    },

    async fillTimeHistogram(campaignId) {
      const rows = await kept(campaignId, "fill", countedStatuses);
      return [...sumByBucket(rows)]
        .filter(([, count]) => count > 0)
        .map(([bucket, count]) => ({ fromMs: bucket === "" ? null : Number(bucket), count }))
        .sort((a, b) => (a.fromMs ?? -1) - (b.fromMs ?? -1));
    },

    /** Counts only, never whose: each sharer's link is a bucket of its own, and only the most are kept. */
    async referralSummary(campaignId, top) {
      const [all, byReferrer] = await Promise.all([kept(campaignId, "all", countedStatuses), kept(campaignId, "referrer", countedStatuses)]);
      const sharers = [...sumByBucket(byReferrer).values()].filter((n) => n > 0);
      const referred = sharers.reduce((sum, n) => sum + n, 0);
      return { referred, direct: total(all) - referred, sharers: sharers.length, topSharers: sharers.sort((a, b) => b - a).slice(0, top) };
    },

    listSignerNames: (campaignId, afterId, limit) => signerNames(d.read()).execute({ campaignId, afterId, limit }),

    async countVerification(campaignId) {
      const ways = sumByBucket(await kept(campaignId, "verified-by", ["confirmed"]));
      const way = (bucket: string) => ways.get(bucket) ?? 0;
      const counts: VerificationCounts = {
        byEmail: way("email") + way("email+import"),
        withoutEmail: way("open"),
        imported: way("import") + way("email+import"),
      };
      return counts;
    },

    recountFigures: figureRecounter(d),
  };
}
