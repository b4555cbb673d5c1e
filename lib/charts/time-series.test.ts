import { describe, expect, it } from "vitest";
import type { SignatureBucket } from "@/lib/domain/ports/charts";
import { everyBucket } from "../time-buckets";
import { timeSeriesChart } from "./time-series";

const hour = 3_600_000;
const day = 24 * hour;
const at = (iso: string) => new Date(iso);

describe("signatures over time", () => {
  const from = at("2026-05-01T05:00:00Z");
  const found: SignatureBucket[] = [
    { start: at("2026-05-01T09:00:00Z"), confirmed: 3, pending: 1, invalidated: 0 },
    { start: at("2026-05-03T17:00:00Z"), confirmed: 10, pending: 0, invalidated: 2 },
  ];
  const hours = everyBucket(found, "hour", from, new Date(from.getTime() + 72 * hour));
  const chart = timeSeriesChart(hours, "hour");

  it("draws a bar for each of the 72 hours, stacked confirmed, pending, invalidated", () => {
    expect(chart.bars).toHaveLength(72);
    const busiest = chart.bars[(found[1]!.start.getTime() - from.getTime()) / hour]!;
    expect(busiest.total).toBe(12);
    expect(busiest.segments.map((s) => [s.series, s.value])).toEqual([
      ["confirmed", 10],
      ["invalidated", 2],
    ]);
    expect(chart.bars.filter((bar) => bar.segments.length > 0)).toHaveLength(2);
  });

  it("labels the time axis at a few round UTC hours, each under its own bar", () => {
    expect(chart.timeTicks.length).toBeGreaterThanOrEqual(3);
    expect(chart.timeTicks.length).toBeLessThanOrEqual(8);
    for (const tick of chart.timeTicks) {
      expect(tick.at.getUTCMinutes()).toBe(0);
      expect(tick.at.getUTCHours() % 6).toBe(0);
      const bar = chart.bars[(tick.at.getTime() - from.getTime()) / hour]!;
      expect(tick.x).toBeCloseTo(bar.x + bar.width / 2, 1);
    }
  });

  it("labels days at round dates over a long campaign", () => {
    const start = at("2026-01-10T00:00:00Z");
    const days = everyBucket([{ start, confirmed: 1, pending: 0, invalidated: 0 }], "day", start, new Date(start.getTime() + 200 * day));
    const long = timeSeriesChart(days, "day");
    expect(long.bars).toHaveLength(200);
    expect(long.timeTicks.length).toBeGreaterThanOrEqual(3);
    expect(long.timeTicks.length).toBeLessThanOrEqual(8);
    for (const tick of long.timeTicks) expect(tick.at.getUTCDate()).toBe(1);
  });

  it("labels a campaign's only day, and a short span only where its bars start", () => {
    const today = at("2026-05-04T00:00:00Z");
    const one = timeSeriesChart(everyBucket([], "day", today, new Date(today.getTime() + day)), "day");
    expect(one.bars).toHaveLength(1);
    expect(one.timeTicks.map((t) => t.at)).toEqual([today]);
    const two = timeSeriesChart(everyBucket([], "hour", today, new Date(today.getTime() + 2 * hour)), "hour");
    // d3 would mark every quarter hour of this span; only the two on the hour start a bar.
    expect(two.timeTicks.map((t) => t.at.getTime() - today.getTime())).toEqual([0, hour]);
  });
});
