import { and, count, countDistinct, desc, eq, gte, inArray, isNotNull, lt, sql } from "drizzle-orm";
import type { CountryCount, FillTimeCount, ReferralSummary, SignatureBucket, TimeUnit } from "@/lib/store-contract";
import { bucketsOf, byFirstColumn, countedStatuses, fillBucket, seriesStatuses } from "../chart-figures";
import { database } from "./client";
import { signatures } from "./schema";

const counted = (campaignId: number) =>
  and(eq(signatures.campaignId, campaignId), inArray(signatures.status, [...countedStatuses]));

export async function signatureTimeSeries(
  campaignId: number,
  { unit, from, to }: { unit: TimeUnit; from?: Date; to: Date },
): Promise<SignatureBucket[]> {
  // timestamptz truncated in UTC, whatever the session's time zone.
  const start = sql`date_trunc(${unit}, ${signatures.signedAt}, 'UTC')`.mapWith(signatures.signedAt);
  // The range is on signatures_by_time (petition_id, signed_at).
  const rows = await database()
    .orm.select({ start, status: signatures.status, n: count() })
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
}

export async function signaturesByCountry(campaignId: number): Promise<CountryCount[]> {
  const n = count();
  return database()
    .orm.select({ country: signatures.country, count: n })
    .from(signatures)
    .where(counted(campaignId))
    .groupBy(signatures.country)
    .orderBy(desc(n), signatures.country);
}

export async function referralSummary(campaignId: number, top: number): Promise<ReferralSummary> {
  const [totals] = await database()
    .orm.select({ all: count(), referred: count(signatures.referrerId), sharers: countDistinct(signatures.referrerId) })
    .from(signatures)
    .where(counted(campaignId));
  const n = count();
  const topSharers = await database()
    .orm.select({ n })
    .from(signatures)
    .where(and(counted(campaignId), isNotNull(signatures.referrerId)))
    .groupBy(signatures.referrerId)
    .orderBy(desc(n))
    .limit(top);
  const referred = totals?.referred ?? 0;
  return { referred, direct: (totals?.all ?? 0) - referred, sharers: totals?.sharers ?? 0, topSharers: topSharers.map((row) => row.n) };
}

export async function fillTimeHistogram(campaignId: number, edgesMs: readonly number[]): Promise<FillTimeCount[]> {
  return database()
    .orm.select({ fromMs: fillBucket(signatures.fillMs, edgesMs), count: count() })
    .from(signatures)
    .where(counted(campaignId))
    .groupBy(byFirstColumn)
    .orderBy(byFirstColumn);
}
