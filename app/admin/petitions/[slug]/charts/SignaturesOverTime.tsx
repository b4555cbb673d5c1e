import { timeSeriesChart, seriesKeys } from "@/lib/charts/time-series";
import type { SignatureBucket, TimeUnit } from "@/lib/domain/ports/charts";
import { bucketTotal, sumBuckets } from "@/lib/time-buckets";
import { BarChartSvg } from "./BarChartSvg";
import { CsvLink, ShowFigures } from "./Figures";
import { chartFormat, type ChartFormat } from "./format";
import { Legend, statusPaint } from "./paint";

type Props = { perHour: SignatureBucket[]; perDay: SignatureBucket[]; locale: string; csvBase: string };

/** Signatures per hour over the last 72 hours and per day over the campaign, by status. */
export function SignaturesOverTime({ perHour, perDay, locale, csvBase }: Props) {
  const format = chartFormat(locale);
  return (
    <section className="admin-section" aria-labelledby="over-time-heading">
      <h2 id="over-time-heading">Signatures over time</h2>
      <p>
        Each bar is an hour or a day in UTC, split by what its signatures are now. Suspected signatures (caught by the bot
        trap) are left out.
      </p>
      <Legend id="status-key" paints={seriesKeys.map((key) => statusPaint[key])} />
      <TimeChart
        id="per-hour"
        title="Per hour, the last 72 hours (UTC)"
        what="per hour over the last 72 hours"
        buckets={perHour}
        unit="hour"
        format={format}
        csv={`${csvBase}/per-hour.csv`}
      />
      <TimeChart
        id="per-day"
        title="Per day, the whole campaign (UTC)"
        what="per day over the whole campaign"
        buckets={perDay}
        unit="day"
        format={format}
        csv={`${csvBase}/per-day.csv`}
      />
    </section>
  );
}

type ChartProps = {
  id: string;
  title: string;
  /** The same, as words in a sentence: "per hour over…". */
  what: string;
  buckets: SignatureBucket[]; unit: TimeUnit;
  format: ChartFormat;
  csv: string;
};

function TimeChart({ id, title, what, buckets, unit, format, csv }: ChartProps) {
  const chart = timeSeriesChart(buckets, unit);
  const sums = sumBuckets(buckets);
  const span = unit === "hour" ? "hour" : "day";
  const withAny = buckets.filter((bucket) => bucketTotal(bucket) > 0);
  const summary =
    sums.total === 0
      ? `Signatures ${what} (UTC): none.`
      : `Signatures ${what} (UTC): ${format.count(sums.total)} in all, ${format.number(sums.confirmed)} confirmed, ` +
        `${format.number(sums.pending)} awaiting confirmation, ${format.number(sums.invalidated)} invalidated. ` +
        `The busiest ${span} began ${format.bucket(sums.busiest!.start, unit)}, with ${format.count(bucketTotal(sums.busiest!))}.`;
  return (
    <div className="chart">
      <h3>{title}</h3>
      <BarChartSvg
        id={id}
        chart={chart}
        paints={statusPaint}
        summary={summary}
        labels={chart.timeTicks.map((tick) => ({ x: tick.x, text: format.tick(tick.at, unit) }))}
        formatCount={format.number}
      />
      <ShowFigures>
        <table>
          <caption>
            Signatures {what} (UTC); {span}s with none are left out
          </caption>
          <thead>
            <tr>
              <th scope="col">{unit === "hour" ? "Hour starting (UTC)" : "Day (UTC)"}</th>
              {seriesKeys.map((key) => (
                <th scope="col" key={key}>
                  {statusPaint[key].label}
                </th>
              ))}
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {withAny.length === 0 && (
              <tr>
                <td colSpan={5}>None in this time.</td>
              </tr>
            )}
            {withAny.map((bucket) => (
              <tr key={bucket.start.getTime()}>
                <th scope="row">
                  <time dateTime={bucket.start.toISOString()}>{format.bucket(bucket.start, unit)}</time>
                </th>
                {seriesKeys.map((key) => (
                  <td key={key}>{format.number(bucket[key])}</td>
                ))}
                <td>{format.number(bucketTotal(bucket))}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">All</th>
              {seriesKeys.map((key) => (
                <td key={key}>{format.number(sums[key])}</td>
              ))}
              <td>{format.number(sums.total)}</td>
            </tr>
          </tfoot>
        </table>
      </ShowFigures>
      <CsvLink href={csv} what={`signatures per ${span}`} />
    </div>
  );
}
