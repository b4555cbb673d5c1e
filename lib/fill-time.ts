import type { FillTimeCount } from "@/lib/domain/ports/charts";

/**
 * Time-to-fill buckets, roughly logarithmic: a form sent within a second or two of opening is
 * what a bot (or a browser's autofill) does, a minute or more is a person reading first.
 */
const buckets = [
  { fromMs: 0, label: "Under 2 s" },
  { fromMs: 2_000, label: "2–5 s" },
  { fromMs: 5_000, label: "5–10 s" },
  { fromMs: 10_000, label: "10–30 s" },
  { fromMs: 30_000, label: "30–60 s" },
  { fromMs: 60_000, label: "1–5 min" },
  { fromMs: 300_000, label: "Over 5 min" },
] as const;

export const fillTimeEdgesMs: readonly number[] = buckets.map((bucket) => bucket.fromMs);

/** One bar of the histogram: signatures filled in at least `fromMs` and under `toMs`; both null when unknown. */
export type FillTimeFigure = { label: string; fromMs: number | null; toMs: number | null; count: number };

/** Every bucket in order, unknown last, with zeros where the store found none. */
export function fillTimeFigures(found: readonly FillTimeCount[]): FillTimeFigure[] {
  const countOf = (fromMs: number | null) => found.find((row) => row.fromMs === fromMs)?.count ?? 0;
  return [
    ...buckets.map(({ fromMs, label }, i) => ({ label, fromMs, toMs: buckets[i + 1]?.fromMs ?? null, count: countOf(fromMs) })),
    // The JSON API has no form, so its signatures have no time to fill.
    { label: "Unknown", fromMs: null, toMs: null, count: countOf(null) },
  ];
}
