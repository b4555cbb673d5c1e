import { scaleUtc } from "d3-scale";
import type { SignatureBucket, TimeUnit } from "@/lib/domain/ports/charts";
import { unitMs } from "../time-buckets";
import { stackedBars, type BarChart, type Frame } from "./bars";

/** Stacked from the baseline up: what counts at the bottom, what was taken off on top. */
export const seriesKeys = ["confirmed", "pending", "invalidated"] as const;
export type SeriesKey = (typeof seriesKeys)[number];

export const timeFrame: Frame = { width: 720, height: 240, margin: { top: 12, right: 12, bottom: 36, left: 48 } };

/** A label on the time axis: the bucket starting at `at`, centred under its bar at `x`. */
export type TimeTick = { at: Date; x: number };
export type TimeSeriesChart = BarChart<SeriesKey> & { unit: TimeUnit; timeTicks: TimeTick[] };

/**
 * Signatures per hour or day as stacked bars by status, with labels on the time axis at round
 * UTC times (midnight and noon, Sundays, the first of a month) that d3 picks for the span: at
 * most about seven, whatever the number of bars.
 */
export function timeSeriesChart(buckets: readonly SignatureBucket[], unit: TimeUnit, frame: Frame = timeFrame): TimeSeriesChart {
  const chart = stackedBars(buckets, seriesKeys, frame);
  const first = buckets[0]?.start;
  const last = buckets.at(-1)?.start;
  if (!first || !last) return { ...chart, unit, timeTicks: [] };
  const step = unitMs[unit];
  const ticks = first.getTime() === last.getTime() ? [first] : scaleUtc().domain([first, last]).ticks(6);
  const timeTicks = ticks
    .map((at) => ({ at, index: (at.getTime() - first.getTime()) / step }))
    // Ticks fall between bars when the span is short (every quarter hour of a two-hour span).
    .filter(({ index }) => Number.isInteger(index))
    .flatMap(({ at, index }) => {
      const bar = chart.bars[index];
      return bar ? [{ at, x: Math.round((bar.x + bar.width / 2) * 100) / 100 }] : [];
    });
  return { ...chart, unit, timeTicks };
}
