import {
  fillTimeHistogram,
  readPetitionCount,
  referralSummary,
  signatureTimeSeries,
  signaturesByCountry,
} from "@/db/store";
import { fillTimeEdgesMs, fillTimeFigures } from "./fill-time";
import { everyBucket, startOfUnit, unitMs } from "./time-buckets";

export const hoursShown = 72;
export const topSharersShown = 5;

// Each chart's figures, read with one aggregate query (two for referrals); a CSV reads only its own.

/** The last 72 UTC hours, the current one last. */
async function perHour(petitionId: number, now: Date) {
  const to = new Date(startOfUnit(now, "hour").getTime() + unitMs.hour);
  const from = new Date(to.getTime() - hoursShown * unitMs.hour);
  return everyBucket(await signatureTimeSeries(petitionId, { unit: "hour", from, to }), "hour", from, to);
}

/** Every UTC day from the first signature's to today; today alone when no one has signed. */
async function perDay(petitionId: number, now: Date) {
  const to = new Date(startOfUnit(now, "day").getTime() + unitMs.day);
  const found = await signatureTimeSeries(petitionId, { unit: "day", to });
  return everyBucket(found, "day", found[0]?.start ?? startOfUnit(now, "day"), to);
}

/** How each chart's figures are read, by campaign id. */
export const figureLoaders = {
  perHour,
  perDay,
  countries: (petitionId: number) => signaturesByCountry(petitionId),
  referrals: (petitionId: number) => referralSummary(petitionId, topSharersShown),
  fillTime: async (petitionId: number) => fillTimeFigures(await fillTimeHistogram(petitionId, fillTimeEdgesMs)),
};

type Loaders = typeof figureLoaders;
export type ChartFigures = { [K in keyof Loaders]: Awaited<ReturnType<Loaders[K]>> };

/** Every chart's figures for the organisers' campaign page, or undefined when there is no such campaign. */
export async function campaignFigures(slug: string, now = new Date()): Promise<ChartFigures | undefined> {
  const petition = await readPetitionCount(slug);
  if (!petition) return undefined;
  const [perHourFigures, perDayFigures, countries, referrals, fillTime] = await Promise.all([
    figureLoaders.perHour(petition.id, now),
    figureLoaders.perDay(petition.id, now),
    figureLoaders.countries(petition.id),
    figureLoaders.referrals(petition.id),
    figureLoaders.fillTime(petition.id),
  ]);
  return { perHour: perHourFigures, perDay: perDayFigures, countries, referrals, fillTime };
}
