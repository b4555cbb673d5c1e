import type { SignatureBucket, TimeUnit } from "@/lib/domain/ports/charts";

export const unitMs: Record<TimeUnit, number> = { hour: 60 * 60 * 1000, day: 24 * 60 * 60 * 1000 };

/** The start of the UTC hour or day holding `at`. */
export function startOfUnit(at: Date, unit: TimeUnit): Date {
  return new Date(Math.floor(at.getTime() / unitMs[unit]) * unitMs[unit]);
}

/**
 * Every bucket from the one holding `from` up to (not including) the one starting at `to`, with
 * zeros where the store found none: a chart's bars stand where the hours and days really were.
 */
export function everyBucket(found: readonly SignatureBucket[], unit: TimeUnit, from: Date, to: Date): SignatureBucket[] {
  const step = unitMs[unit];
  const byStart = new Map(found.map((bucket) => [bucket.start.getTime(), bucket]));
  const buckets: SignatureBucket[] = [];
  for (let t = startOfUnit(from, unit).getTime(); t < to.getTime(); t += step) {
    buckets.push(byStart.get(t) ?? { start: new Date(t), confirmed: 0, pending: 0, invalidated: 0 });
  }
  return buckets;
}

export const bucketTotal = (bucket: SignatureBucket) => bucket.confirmed + bucket.pending + bucket.invalidated;

/** A run of buckets summed by status, and the busiest of them (the first, of equals). */
export function sumBuckets(buckets: readonly SignatureBucket[]) {
  const sums = { confirmed: 0, pending: 0, invalidated: 0, total: 0 };
  let busiest: SignatureBucket | undefined;
  for (const bucket of buckets) {
    sums.confirmed += bucket.confirmed;
    sums.pending += bucket.pending;
    sums.invalidated += bucket.invalidated;
    sums.total += bucketTotal(bucket);
    if (bucketTotal(bucket) > (busiest ? bucketTotal(busiest) : 0)) busiest = bucket;
  }
  return { ...sums, busiest };
}
