import { sql, type Column, type SQL } from "drizzle-orm";
import type { SignatureStatus } from "@/lib/domain/model";
import type { ChartStore, SignatureBucket } from "@/lib/domain/ports/charts";

// What both dialects' chart queries share, written once (as db/signature-filter.ts is).

/**
 * The four figures each dialect counts its own way: db/sqlite/charts.ts a range of ids a turn, so
 * one query never holds the process's only thread; db/postgres/charts.ts whole, on its server.
 */
export type ChartFigures = Pick<ChartStore, "signatureTimeSeries" | "signaturesByCountry" | "referralSummary" | "fillTimeHistogram">;

/** The statuses the time series keeps apart; suspected signatures are in no chart. */
export const seriesStatuses = ["confirmed", "pending", "invalidated"] as const satisfies readonly SignatureStatus[];
/** What the other charts count: signatures that count or await confirmation. */
export const countedStatuses = ["confirmed", "pending"] as const satisfies readonly SignatureStatus[];

/** Grouped by the select list's first column: the same expression twice would bind its parameters twice. */
export const byFirstColumn = sql`1`;

/**
 * A signature's time-to-fill bucket, named by its lower edge; null when the time is unknown. The
 * edges are bound as integers so both dialects hand back numbers.
 */
export function fillBucket(fillMs: Column, edgesMs: readonly number[]): SQL<number | null> {
  const highestFirst = [...edgesMs].sort((a, b) => b - a);
  const whens = highestFirst.map((edge) => sql`when ${fillMs} >= ${edge} then cast(${edge} as integer)`);
  return sql<number | null>`case ${sql.join(whens, sql` `)} end`;
}

/** Rows of (bucket, status, count) as one record per bucket, oldest first. */
export function bucketsOf(rows: readonly { start: Date; status: SignatureStatus; n: number }[]): SignatureBucket[] {
  const byStart = new Map<number, SignatureBucket>();
  for (const { start, status, n } of rows) {
    if (status === "suspected") continue;
    const bucket = byStart.get(start.getTime()) ?? { start, confirmed: 0, pending: 0, invalidated: 0 };
    bucket[status] += n;
    byStart.set(start.getTime(), bucket);
  }
  return [...byStart.values()].sort((a, b) => a.start.getTime() - b.start.getTime());
}
