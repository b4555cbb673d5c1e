import { and, gte, inArray, lt, min, sql, type SQL } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type { SignatureStatus } from "@/lib/domain/model";
import type { TimeUnit } from "@/lib/domain/ports/charts";
import { bucketsOf, countedStatuses, fillBucket, seriesStatuses, type ChartFigures } from "../chart-figures";
import type { IdRanges } from "./id-ranges";
import * as schema from "./schema";

type Orm = BetterSQLite3Database<typeof schema>;
const { signatures } = schema;

/** Counts of the same key from several ranges, added up; keys in the order first seen. */
function mergeCounts<K>(rows: readonly { key: K; n: number }[]): [K, number][] {
  const sums = new Map<K, number>();
  for (const { key, n } of rows) sums.set(key, (sums.get(key) ?? 0) + n);
  return [...sums];
}

const counted = inArray(signatures.status, [...countedStatuses]);

// signed_at is epoch milliseconds, so whole multiples of these are UTC hours and days.
// Constants of this module, never input: written into the query as numbers.
const unitMs: Record<TimeUnit, string> = { hour: "3600000", day: "86400000" };

// Index entries read a turn when a walk has no id range to go by.
const entriesPerTurn = 5_000;

/**
 * The charts' figures on SQLite, each counted a range of ids a turn (db/sqlite/id-ranges.ts) on the
 * read-only connection, so one dashboard never holds the process's one thread for long.
 */
export function sqliteCharts(reader: () => Orm, ranges: IdRanges): ChartFigures {
  const { inTurn, endId } = ranges;

  /**
   * Grouped counts of the campaign's signatures matching `where`, a range of ids at a time from
   * `firstId`, on signatures_by_petition (petition_id, id), named because the planner would
   * otherwise take an index (by time, by status) that reads the whole campaign for every range.
   */
  const countInRanges = <Row>(campaignId: number, select: SQL, where: SQL | undefined, groupBy: SQL, firstId?: number) =>
    ranges.countInRanges<Row>(
      campaignId,
      (range) => reader().all<Row>(sql`select ${select} from ${signatures} indexed by signatures_by_petition where ${and(range, where)} group by ${groupBy}`),
      firstId,
    );

  /**
   * The lowest id signed since `from`, read on signatures_by_time (petition_id, signed_at) a slice
   * at a time: a lone min() would read every entry of the period in one query, half a second held
   * for a campaign that took 5 million signatures in three days (measured by npm run bench). Ids do
   * not follow signing times (an import stores old dates under new ids), so every entry is looked at.
   */
  async function firstIdSince(campaignId: number, from: Date): Promise<number | null> {
    let lowest: number | null = null;
    let after: { at: number; id: number } | undefined;
    for (;;) {
      const bound = after ? sql`(${signatures.signedAt}, ${signatures.id}) > (${after.at}, ${after.id})` : sql`${signatures.signedAt} >= ${from.getTime()}`;
      const slice = await inTurn(() => reader().all<{ at: number; id: number }>(sql`
        select ${signatures.signedAt} as at, ${signatures.id} as id from ${signatures} indexed by signatures_by_time
        where ${signatures.campaignId} = ${campaignId} and ${bound} order by 1, 2 limit ${entriesPerTurn}`));
      for (const { id } of slice) lowest = lowest === null ? id : Math.min(lowest, id);
      if (slice.length < entriesPerTurn) return lowest;
      after = slice.at(-1);
    }
  }

  return {
    async signatureTimeSeries(campaignId, { unit, from, to }) {
      const since = from === undefined ? undefined : gte(signatures.signedAt, from);
      const first = from === undefined ? endId(campaignId, min) : await firstIdSince(campaignId, from);
      if (first === null) return [];
      const ms = sql.raw(unitMs[unit]);
      const rows = await countInRanges<{ start: number; status: SignatureStatus; n: number }>(
        campaignId,
        sql`(${signatures.signedAt} / ${ms}) * ${ms} as start, ${signatures.status} as status, count(*) as n`,
        and(since, lt(signatures.signedAt, to), inArray(signatures.status, [...seriesStatuses])),
        sql`1, 2`,
        first,
      );
      return bucketsOf(rows.map((row) => ({ ...row, start: new Date(row.start) })));
    },

    async signaturesByCountry(campaignId) {
      const rows = await countInRanges<{ key: string; n: number }>(campaignId, sql`${signatures.country} as key, count(*) as n`, counted, sql`1`);
      return mergeCounts(rows)
        .map(([country, n]) => ({ country, count: n }))
        .sort((a, b) => b.count - a.count || (a.country < b.country ? -1 : 1));
    },

    async fillTimeHistogram(campaignId, edgesMs) {
      const rows = await countInRanges<{ key: number | null; n: number }>(
        campaignId,
        sql`${fillBucket(signatures.fillMs, edgesMs)} as key, count(*) as n`,
        counted,
        sql`1`,
      );
      return mergeCounts(rows).map(([fromMs, n]) => ({ fromMs, count: n }));
    },

    /**
     * Referred signatures are read in order on the small signatures_by_referrer index, a slice of
     * entries a turn, so what this costs grows with the signatures that came by a link, not with all
     * of them, and a sharer who brought a hundred thousand never holds the thread in one query. A
     * sharer's signatures may run across slices: each is added up as the walk passes them.
     */
    async referralSummary(campaignId, top) {
      const totals = await countInRanges<{ n: number }>(campaignId, sql`count(*) as n`, counted, sql`${signatures.campaignId}`);
      const all = totals.reduce((sum, row) => sum + row.n, 0);
      let referred = 0;
      let sharers = 0;
      let topSharers: number[] = [];
      let current: { referrer: number; n: number } | undefined;
      const passed = (sharer: { n: number }) => {
        sharers += 1;
        topSharers = [...topSharers, sharer.n].sort((a, b) => b - a).slice(0, top);
      };
      // Below every id, a decoy's negative ones included (lib/referrals.ts).
      let after = { referrer: Number.MIN_SAFE_INTEGER, id: Number.MIN_SAFE_INTEGER };
      for (;;) {
        const slice = await inTurn(() => reader().all<{ referrer: number; id: number }>(sql`
          select ${signatures.referrerId} as referrer, ${signatures.id} as id from ${signatures} indexed by signatures_by_referrer
          where ${signatures.referrerId} is not null and (${signatures.referrerId}, ${signatures.id}) > (${after.referrer}, ${after.id})
            and ${signatures.campaignId} = ${campaignId} and ${counted}
          order by 1, 2 limit ${entriesPerTurn}`));
        for (const { referrer } of slice) {
          referred += 1;
          if (current?.referrer === referrer) current.n += 1;
          else {
            if (current) passed(current);
            current = { referrer, n: 1 };
          }
        }
        if (slice.length < entriesPerTurn) break;
        after = slice.at(-1)!;
      }
      if (current) passed(current);
      return { referred, direct: all - referred, sharers, topSharers };
    },
  };
}
