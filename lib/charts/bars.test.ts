import { describe, expect, it } from "vitest";
import { stackedBars, type Frame } from "./bars";

const frame: Frame = { width: 400, height: 200, margin: { top: 10, right: 10, bottom: 30, left: 40 } };
const keys = ["confirmed", "pending"] as const;
const sum = (ns: number[]) => ns.reduce((a, b) => a + b, 0);

describe("stacked bars", () => {
  const rows = [
    { confirmed: 2, pending: 0 },
    { confirmed: 4, pending: 2 },
    { confirmed: 0, pending: 0 },
    { confirmed: 1, pending: 3 },
  ];
  const chart = stackedBars(rows, keys, frame);
  const unit = chart.plot.height / chart.max;

  it("draws each series' height in proportion to its count, on one scale for every bar", () => {
    const heightOf = (bar: number, series: string) => chart.bars[bar]!.segments.find((s) => s.series === series)?.height ?? 0;
    expect(heightOf(1, "confirmed")).toBeCloseTo(2 * heightOf(0, "confirmed"), 1);
    expect(heightOf(1, "pending")).toBeCloseTo(2 * unit, 1);
    expect(heightOf(3, "pending")).toBeCloseTo(3 * heightOf(3, "confirmed"), 1);
  });

  it("stacks each bar's segments from the baseline up, without gaps, to its total", () => {
    const baseline = chart.plot.y + chart.plot.height;
    for (const bar of chart.bars) {
      expect(bar.total).toBe(sum(bar.segments.map((s) => s.value)));
      expect(sum(bar.segments.map((s) => s.height))).toBeCloseTo(bar.total * unit, 1);
      let floor = baseline;
      for (const segment of bar.segments) {
        expect(segment.y + segment.height).toBeCloseTo(floor, 1);
        floor = segment.y;
      }
    }
    expect(chart.bars[1]!.segments.map((s) => s.series)).toEqual(["confirmed", "pending"]);
  });

  it("keeps a place for a bar of zeros but draws nothing in it", () => {
    expect(chart.bars[2]!.segments).toEqual([]);
    const xs = chart.bars.map((bar) => bar.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(chart.bars.map((bar) => bar.width)).size).toBe(1);
    expect(chart.bars[0]!.x).toBeGreaterThanOrEqual(chart.plot.x);
    expect(chart.bars.at(-1)!.x + chart.bars.at(-1)!.width).toBeLessThanOrEqual(chart.plot.x + chart.plot.width);
  });

  it("puts whole-number ticks from 0 to a round top at or above the tallest bar", () => {
    expect(chart.max).toBeGreaterThanOrEqual(6);
    const values = chart.countTicks.map((t) => t.value);
    expect(values[0]).toBe(0);
    expect(values.at(-1)).toBe(chart.max);
    expect(values.every(Number.isInteger)).toBe(true);
    expect(values.length).toBeLessThanOrEqual(6);
    const ys = chart.countTicks.map((t) => t.y);
    expect(ys[0]).toBe(chart.plot.y + chart.plot.height);
    expect(ys.at(-1)).toBe(chart.plot.y);
  });

  it("scales thousands to round ticks too", () => {
    const big = stackedBars([{ confirmed: 12_345, pending: 678 }], keys, frame);
    expect(big.max).toBe(15_000);
    expect(big.countTicks.map((t) => t.value)).toEqual([0, 5000, 10_000, 15_000]);
  });

  it("draws an empty chart with an axis from 0 to 1 and no bars' segments", () => {
    const empty = stackedBars([{ confirmed: 0, pending: 0 }], keys, frame);
    expect(empty.max).toBe(1);
    expect(empty.countTicks.map((t) => t.value)).toEqual([0, 1]);
    expect(empty.bars[0]!.segments).toEqual([]);
    expect(stackedBars([], keys, frame).bars).toEqual([]);
  });
});
