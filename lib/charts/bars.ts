import { scaleBand, scaleLinear } from "d3-scale";
import { stack } from "d3-shape";

/** The drawing's size in SVG units, and the room kept around the plot for the axes' labels. */
export type Frame = { width: number; height: number; margin: { top: number; right: number; bottom: number; left: number } };
export type Box = { x: number; y: number; width: number; height: number };

export type Segment<K extends string> = Box & { series: K; value: number };
export type Bar<K extends string> = { index: number; x: number; width: number; total: number; segments: Segment<K>[] };
/** A gridline on the count axis, at height `y`. */
export type CountTick = { value: number; y: number };
export type BarChart<K extends string> = { frame: Frame; plot: Box; bars: Bar<K>[]; countTicks: CountTick[]; max: number };

// Two decimals are finer than any screen draws, and keep the page's SVG short.
const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Stacked bars, one per row, its series stacked in the order of `keys` from the baseline up;
 * heights are proportional to counts on an axis from 0 to a round number at or above the
 * tallest bar. Rows of all zeros still get their place, so bars stand at their true positions.
 */
export function stackedBars<K extends string>(rows: readonly Record<K, number>[], keys: readonly K[], frame: Frame): BarChart<K> {
  const { width, height, margin } = frame;
  const plot: Box = { x: margin.left, y: margin.top, width: width - margin.left - margin.right, height: height - margin.top - margin.bottom };
  const totals = rows.map((row) => keys.reduce((sum, key) => sum + row[key], 0));
  const tallest = Math.max(0, ...totals);

  // An empty chart still has an axis: 0 to 1, rather than a scale with no height.
  const y = scaleLinear()
    .domain([0, Math.max(1, tallest)])
    .nice(4)
    .range([plot.y + plot.height, plot.y]);
  const [, max = 1] = y.domain();
  const countTicks = y
    .ticks(Math.min(4, max))
    .filter(Number.isInteger)
    .map((value) => ({ value, y: round(y(value)) }));

  const x = scaleBand<number>()
    .domain(rows.map((_, i) => i))
    .range([plot.x, plot.x + plot.width])
    .paddingInner(rows.length > 40 ? 0.1 : 0.25)
    .paddingOuter(0.1);

  const layers = stack<Record<K, number>, K>()
    .keys(keys)
    .value((row, key) => row[key])([...rows]);
  const bars = rows.map((_, index): Bar<K> => {
    const left = round(x(index) ?? 0);
    const barWidth = round(x.bandwidth());
    const segments = layers
      .map((layer): Segment<K> => {
        const [low = 0, high = 0] = layer[index] ?? [];
        const top = round(y(high));
        return { series: layer.key, value: high - low, x: left, width: barWidth, y: top, height: round(y(low) - y(high)) };
      })
      .filter((segment) => segment.value > 0);
    return { index, x: left, width: barWidth, total: totals[index] ?? 0, segments };
  });
  return { frame, plot, bars, countTicks, max };
}
