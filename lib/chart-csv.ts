import { stores } from "./stores";
import { figureLoaders } from "./campaign-figures";
import { countryName } from "./domain/countries";
import { csvRow, utf8Bom } from "./domain/csv";
import type { SignatureBucket } from "@/lib/domain/ports/charts";
import { bucketTotal } from "./time-buckets";

const seconds = (ms: number | null) => (ms === null ? "" : String(ms / 1000));

function timeRows(buckets: readonly SignatureBucket[], heading: string, stamp: (at: Date) => string): string[][] {
  return [
    [heading, "Confirmed", "Awaiting confirmation", "Invalidated", "Total"],
    ...buckets.map((b) => [stamp(b.start), ...[b.confirmed, b.pending, b.invalidated, bucketTotal(b)].map(String)]),
  ];
}

/** Each chart's figures as the rows of its CSV, header first, by the file name its link asks for; empty buckets too. */
const csvRows = {
  "per-hour.csv": async (campaignId: number, now: Date) =>
    timeRows(await figureLoaders.perHour(campaignId, now), "Hour starting (UTC)", (at) => at.toISOString().slice(0, 16).replace("T", " ")),
  "per-day.csv": async (campaignId: number, now: Date) =>
    timeRows(await figureLoaders.perDay(campaignId, now), "Day (UTC)", (at) => at.toISOString().slice(0, 10)),
  "countries.csv": async (campaignId: number) => [
    ["Country code", "Country", "Signatures"],
    ...(await figureLoaders.countries(campaignId)).map(({ country, count }) => [country, countryName(country, "en"), String(count)]),
  ],
  "referrals.csv": async (campaignId: number) => {
    const { referred, direct, sharers, topSharers } = await figureLoaders.referrals(campaignId);
    return [
      ["Figure", "Signatures"],
      ["Came through a signer's share link", String(referred)],
      ["Came without a share link", String(direct)],
      ["Signers whose link brought anyone", String(sharers)],
      ...topSharers.map((n, i) => [`Brought by the sharer ranked ${i + 1}`, String(n)]),
    ];
  },
  "fill-time.csv": async (campaignId: number) => [
    ["Time to fill", "From (seconds)", "Under (seconds)", "Signatures"],
    ...(await figureLoaders.fillTime(campaignId)).map(({ label, fromMs, toMs, count }) => [label, seconds(fromMs), seconds(toMs), String(count)]),
  ],
} satisfies Record<string, (campaignId: number, now: Date) => Promise<string[][]>>;

export type ChartFile = keyof typeof csvRows;

export const isChartFile = (name: string): name is ChartFile => Object.hasOwn(csvRows, name);

/**
 * The CSV of one chart's figures, named for the campaign, the chart and the day (UTC); undefined
 * when there is no such campaign. Counts only: no signer is named in any of them.
 */
export async function chartCsv(slug: string, file: ChartFile, now = new Date()) {
  const campaign = await stores().campaigns.readCampaignStanding(slug);
  if (!campaign) return undefined;
  const rows = await csvRows[file](campaign.id, now);
  return {
    filename: `${campaign.slug}-${file.replace(/\.csv$/, "")}-${now.toISOString().slice(0, 10)}.csv`,
    csv: utf8Bom + rows.map(csvRow).join(""),
  };
}
