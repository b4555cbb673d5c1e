import { fillBucketEdgesMs } from "@/lib/domain/figures";
import type { FillTimeCount } from "@/lib/domain/ports/charts";

/**
 * Time-to-fill buckets, roughly logarithmic: a form sent within a second or two of opening is
 * what a bot (or a browser's autofill) does, a minute or more is a person reading first. The edges
 * are the domain's (the kept figures are counted by them); each must have its label here.
 */
const labels: Record<(typeof fillBucketEdgesMs)[number], string> = {
  0: "Under 2 s",
  2_000: "2–5 s",
  5_000: "5–10 s",
  10_000: "10–30 s",
  30_000: "30–60 s",
  60_000: "1–5 min",
  300_000: "Over 5 min",
};
const buckets = fillBucketEdgesMs.map((fromMs) => ({ fromMs, label: labels[fromMs] }));

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
