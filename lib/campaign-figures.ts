import { stores } from "./stores";
import { fillTimeFigures } from "./fill-time";
import { everyBucket, startOfUnit, unitMs } from "./time-buckets";

export const hoursShown = 72;
export const topSharersShown = 5;

// Each chart's figures, read with one aggregate query (two for referrals); a CSV reads only its own.

/** The last 72 UTC hours, the current one last. */
async function perHour(campaignId: number, now: Date) {
  const to = new Date(startOfUnit(now, "hour").getTime() + unitMs.hour);
  const from = new Date(to.getTime() - hoursShown * unitMs.hour);
  return everyBucket(await stores().charts.signatureTimeSeries(campaignId, { unit: "hour", from, to }), "hour", from, to);
}

/** Every UTC day from the first signature's to today; today alone when no one has signed. */
async function perDay(campaignId: number, now: Date) {
  const to = new Date(startOfUnit(now, "day").getTime() + unitMs.day);
  const found = await stores().charts.signatureTimeSeries(campaignId, { unit: "day", to });
  return everyBucket(found, "day", found[0]?.start ?? startOfUnit(now, "day"), to);
}

/** How each chart's figures are read, by campaign id. */
export const figureLoaders = {
  perHour,
  perDay,
  countries: (campaignId: number) => stores().charts.signaturesByCountry(campaignId),
  referrals: (campaignId: number) => stores().charts.referralSummary(campaignId, topSharersShown),
  fillTime: async (campaignId: number) => fillTimeFigures(await stores().charts.fillTimeHistogram(campaignId)),
};

type Loaders = typeof figureLoaders;
export type ChartFigures = { [K in keyof Loaders]: Awaited<ReturnType<Loaders[K]>> };

/** Every chart's figures for the organisers' campaign page, or undefined when there is no such campaign. */
export async function campaignFigures(slug: string, now = new Date()): Promise<ChartFigures | undefined> {
  const campaign = await stores().campaigns.readCampaignStanding(slug);
  if (!campaign) return undefined;
  const [perHourFigures, perDayFigures, countries, referrals, fillTime] = await Promise.all([
    figureLoaders.perHour(campaign.id, now),
    figureLoaders.perDay(campaign.id, now),
    figureLoaders.countries(campaign.id),
    figureLoaders.referrals(campaign.id),
    figureLoaders.fillTime(campaign.id),
  ]);
  return { perHour: perHourFigures, perDay: perDayFigures, countries, referrals, fillTime };
}
