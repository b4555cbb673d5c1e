import type { BarChart } from "@/lib/charts/bars";
import { fillFor, Texture, type Paint } from "./paint";

type Props<K extends string> = {
  /** Unique on the page: the patterns' ids start with it. */
  id: string;
  chart: BarChart<K>;
  paints: Record<K, Paint>;
  /** What the chart shows, in words: the name a screen reader gives the image. */
  summary: string;
  /** Labels under the bars, at their centres. */
  labels: { x: number; text: string }[];
  formatCount: (n: number) => string;
};

/**
 * Bars drawn on the server as SVG, nothing sent to the browser but the markup. The SVG is one
 * image to assistive technology, named by `summary`; the table beside it has the figures.
 */
export function BarChartSvg<K extends string>({ id, chart, paints, summary, labels, formatCount }: Props<K>) {
  const { frame, plot, bars, countTicks } = chart;
  const series = Object.keys(paints) as K[];
  const baseline = plot.y + plot.height;
  return (
    <svg className="chart-svg" viewBox={`0 0 ${frame.width} ${frame.height}`} role="img" aria-label={summary}>
      <defs>
        {series.map((key) => (
          <Texture key={key} id={`${id}-${key}`} paint={paints[key]} />
        ))}
      </defs>
      <g className="chart-axis">
        {countTicks.map((tick) => (
          <g key={tick.value}>
            <line x1={plot.x} x2={plot.x + plot.width} y1={tick.y} y2={tick.y} className="chart-grid" />
            <text x={plot.x - 6} y={tick.y} dy="0.32em" textAnchor="end">
              {formatCount(tick.value)}
            </text>
          </g>
        ))}
        {labels.map((label) => (
          <text key={`${label.x}-${label.text}`} x={label.x} y={baseline + 18} textAnchor="middle">
            {label.text}
          </text>
        ))}
      </g>
      {bars.map((bar) =>
        bar.segments.map((segment) => (
          <rect
            key={`${bar.index}-${segment.series}`}
            x={segment.x}
            y={segment.y}
            width={segment.width}
            height={segment.height}
            fill={fillFor(`${id}-${segment.series}`, paints[segment.series])}
            stroke={paints[segment.series].colour}
            strokeWidth={segment.width > 3 ? 1 : 0}
          />
        )),
      )}
      <line x1={plot.x} x2={plot.x + plot.width} y1={baseline} y2={baseline} className="chart-baseline" />
    </svg>
  );
}
