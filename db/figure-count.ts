import { and, eq, isNotNull, sql, type Column, type SQL } from "drizzle-orm";
import { fillBucketEdgesMs, type FigureKind } from "@/lib/domain/figures";
import type { SignatureStatus } from "@/lib/domain/model";
import type { Figure } from "@/lib/domain/ports/charts";
import type { Dialect, Handle } from "./dialect";

/**
 * A signature's time-to-fill bucket, named by its lower edge; null when the time is unknown. The
 * edges are bound as integers so both dialects hand back numbers.
 */
function fillBucket(fillMs: Column, edgesMs: readonly number[]): SQL<number | null> {
  const highestFirst = [...edgesMs].sort((a, b) => b - a);
  const whens = highestFirst.map((edge) => sql`when ${fillMs} >= ${edge} then cast(${edge} as integer)`);
  return sql<number | null>`case ${sql.join(whens, sql` `)} end`;
}

/** A bucket as campaign_figures names it, whatever type the database handed back. */
const asBucket: Record<FigureKind, (value: unknown) => string> = {
  all: () => "",
  hour: (value) => String(new Date(value as string | number).getTime()),
  day: (value) => String(new Date(value as string | number).getTime()),
  country: String,
  fill: (value) => (value === null ? "" : String(Number(value))),
  referrer: (value) => String(Number(value)),
  "verified-by": String,
};

/**
 * A campaign's figures counted from its signatures, one GROUP BY a kind, written apart from the triggers that keep them (the
 * migrations) so that `npm run db:recount` and the tests compare two ways of counting, not one with itself.
 */
export function figureCounter(d: Dialect): (handle: Handle, campaignId: number) => Promise<Figure[]> {
  const { signatures } = d.tables;
  const bucketOf: Record<FigureKind, { bucket: SQL; where?: SQL }> = {
    all: { bucket: sql`''` },
    hour: { bucket: d.bucketStart(signatures.signedAt, "hour") },
    day: { bucket: d.bucketStart(signatures.signedAt, "day") },
    country: { bucket: sql`${signatures.country}` },
    fill: { bucket: fillBucket(signatures.fillMs, fillBucketEdgesMs) },
    referrer: { bucket: sql`${signatures.referrerId}`, where: isNotNull(signatures.referrerId) },
    "verified-by": {
      bucket: sql`case when ${signatures.confirmedAt} is not null and ${signatures.importId} is not null then 'email+import'
        when ${signatures.confirmedAt} is not null then 'email' when ${signatures.importId} is not null then 'import' else 'open' end`,
    },
  };
  return async (handle, campaignId) => {
    const counted: Figure[] = [];
    // One kind after another: a PostgreSQL transaction's handle is one connection, which takes one query at a time.
    for (const [kind, { bucket, where }] of Object.entries(bucketOf) as [FigureKind, { bucket: SQL; where?: SQL }][]) {
      const rows = await d.rows<{ bucket: unknown; status: SignatureStatus; n: number | string }>(
        handle,
        sql`select ${bucket} as bucket, ${signatures.status} as status, count(*) as n from ${signatures}
          where ${and(eq(signatures.campaignId, campaignId), where)} group by 1, 2`,
      );
      counted.push(...rows.map((row): Figure => ({ kind, bucket: asBucket[kind](row.bucket), status: row.status, count: Number(row.n) })));
    }
    return counted;
  };
}
