import { stackedBars, type Frame } from "@/lib/charts/bars";
import type { FillTimeFigure } from "@/lib/fill-time";
import { BarChartSvg } from "./BarChartSvg";
import { CsvLink, ShowFigures } from "./Figures";
import { chartFormat } from "./format";
import type { Paint } from "./paint";

type Props = { figures: FillTimeFigure[]; locale: string; csv: string };

const frame: Frame = { width: 720, height: 200, margin: { top: 12, right: 12, bottom: 36, left: 48 } };
const paints = { count: { label: "Signatures", colour: "#1f4e8c", texture: "solid" } } as const satisfies Record<"count", Paint>;

/**
 * How long signers took from the page opening to sending the form: a histogram beside the bulk
 * tools, whose "filled in under" filter it helps to set.
 */
export function FillTimeChart({ figures, locale, csv }: Props) {
  const format = chartFormat(locale);
  const chart = stackedBars(figures, ["count"], frame);
  const total = figures.reduce((sum, f) => sum + f.count, 0);
  const under2 = figures[0]?.count ?? 0;
  const summary =
    total === 0
      ? "Time to fill in the form: no signatures yet."
      : `Time to fill in the form, ${format.count(total)}: ${figures.map((f) => `${f.label}, ${format.number(f.count)}`).join("; ")}.`;
  return (
    <div className="chart">
      <h3>How long signers took to fill in the form</h3>
      <p>
        {total === 0
          ? "No signatures yet."
          : `${format.count(under2)} of ${format.number(total)} sent the form within 2 seconds of the page opening.`}{" "}
        Signatures that count or await confirmation; those you invalidate leave this chart. Signatures through the JSON API
        have no form, so their time is unknown.
      </p>
      <BarChartSvg
        id="fill-time"
        chart={chart}
        paints={paints}
        summary={summary}
        labels={chart.bars.map((bar) => ({ x: bar.x + bar.width / 2, text: figures[bar.index]?.label ?? "" }))}
        formatCount={format.number}
      />
      <ShowFigures>
        <table>
          <caption>Signatures by time to fill in the form</caption>
          <thead>
            <tr>
              <th scope="col">Time to fill</th>
              <th scope="col">Signatures</th>
            </tr>
          </thead>
          <tbody>
            {figures.map((f) => (
              <tr key={f.label}>
                <th scope="row">{f.label}</th>
                <td>{format.number(f.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ShowFigures>
      <CsvLink href={csv} what="times to fill" />
    </div>
  );
}
