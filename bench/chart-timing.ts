// Run by bench/signature-list-timing.ts after its searches, on the same seeded campaign: times each
// chart's loader, the dashboard's load of all of them, and what the event loop and a read of the
// live count go through meanwhile.
import { stores } from "@/lib/stores";
import { setTimeout as sleep } from "node:timers/promises";
import { campaignFigures, figureLoaders, hoursShown } from "@/lib/campaign-figures";
import { executeSql } from "@/test/rows";
import { medianMs } from "./support/median";

/** While some work runs: the event loop's longest stall, and how long the reads issued meanwhile took. */
export type ProbeTiming = { longestStallMs: number; reads: number; readMedianMs: number; readLongestMs: number };
export type ChartTiming = {
  referred: number;
  loaders: { label: string; ms: number; longestStallMs: number }[];
  dashboardMs: number;
  counted: number;
  idle: ProbeTiming;
  loading: ProbeTiming;
};

// A chart reads the whole campaign, seconds on millions of rows: fewer tries than a search's page.
const tries = 3;
const probeEveryMs = 2;

const labels = {
  perHour: `per hour, the last ${hoursShown} hours`,
  perDay: "per day",
  countries: "by country",
  referrals: "referrals",
  fillTime: "time to fill the form",
} satisfies Record<keyof typeof figureLoaders, string>;

/**
 * Reads the live count every couple of milliseconds while `work` runs, as signers' requests would
 * arrive; a read's time counts from when its timer was due, so time spent waiting for the event
 * loop is in it.
 */
async function probe(slug: string, work: () => Promise<unknown>): Promise<ProbeTiming> {
  const stalls: number[] = [];
  const reads: number[] = [];
  let running = true;
  // At least one read, however quickly the work ends.
  const reader = (async () => {
    do {
      const due = performance.now() + probeEveryMs;
      await sleep(probeEveryMs);
      stalls.push(performance.now() - due);
      if (!(await stores().campaigns.readCampaignStanding(slug))) throw new Error(`the probe found no campaign "${slug}" in ${process.env.DATABASE_URL}`);
      reads.push(performance.now() - due);
    } while (running);
  })();
  await work();
  running = false;
  await reader;
  reads.sort((a, b) => a - b);
  return {
    longestStallMs: Math.max(...stalls),
    reads: reads.length,
    readMedianMs: reads[Math.floor(reads.length / 2)]!,
    readLongestMs: reads.at(-1)!,
  };
}

export async function timeCharts(url: string, slug: string, campaignId: number): Promise<ChartTiming> {
  // The seed has no referrals, and the referral chart's walk grows with the signatures that came by
  // a link: one in ten here, from a sharer per thousand signers. Fill times stay unknown: the
  // histogram reads every row whatever it holds.
  executeSql(url, "update signatures set referrer_id = id - id % 1000 where petition_id = ? and id % 10 = 1", campaignId);
  const now = new Date();
  const loaders: ChartTiming["loaders"] = [];
  for (const [key, label] of Object.entries(labels)) {
    const load = figureLoaders[key as keyof typeof labels];
    const ms = await medianMs(() => load(campaignId, now), tries);
    loaders.push({ label, ms, longestStallMs: (await probe(slug, () => load(campaignId, now))).longestStallMs });
  }
  const referrals = await figureLoaders.referrals(campaignId);
  const dashboardMs = await medianMs(() => campaignFigures(slug, now), tries);
  const counted = (await figureLoaders.countries(campaignId)).reduce((sum, row) => sum + row.count, 0);
  const idle = await probe(slug, () => sleep(1_000));
  const loading = await probe(slug, () => campaignFigures(slug, now));
  return { referred: referrals.referred, loaders, dashboardMs, counted, idle, loading };
}
