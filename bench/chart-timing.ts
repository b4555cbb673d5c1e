// Run by bench/signature-list-timing.ts after its searches, on the same seeded campaign: times each
// chart's loader, the dashboard's load of all of them, and what the event loop and a read of the
// live count go through meanwhile.
import { stores } from "@/lib/stores";
import { setTimeout as sleep } from "node:timers/promises";
import { campaignFigures, figureLoaders, hoursShown } from "@/lib/campaign-figures";
import { executeSql, queryRows } from "@/test/rows";
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

// The median of five, as issue 20's bound on the dashboard asks.
const tries = 5;
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

// A load of kept figures takes about a millisecond, under the probe's step: the probes watch loads one after another for a
// while, as organisers' dashboards opening together would. Each is its own request, so the event loop turns between them
// (on SQLite a load never waits on I/O, and awaiting it alone would never let the probe's timer run).
const probedMs = 1_000;
async function again(work: () => Promise<unknown>): Promise<void> {
  const until = performance.now() + probedMs;
  while (performance.now() < until) {
    await work();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export async function timeCharts(url: string, slug: string, campaignId: number): Promise<ChartTiming> {
  // The seed has no referrals, and the referral chart's walk grows with the signatures that came by
  // a link: one in ten here, from a sharer per thousand signers. Fill times stay unknown: the
  // histogram reads every row whatever it holds.
  executeSql(url, "update signatures set referrer_id = id - id % 1000 where petition_id = ? and id % 10 = 1", campaignId);
  // As a running server does: PostgreSQL's folder takes the triggers' deltas into campaign_figures (a few a second), here
  // all of the seed's before the timing starts.
  stores().database.startBackgroundWork();
  if (!url.startsWith("file:")) {
    while (Number(queryRows<{ n: number }>(url, "select count(*) as n from figure_deltas")[0]!.n) > 0) await sleep(100);
  }
  const now = new Date();
  const loaders: ChartTiming["loaders"] = [];
  for (const [key, label] of Object.entries(labels)) {
    const load = figureLoaders[key as keyof typeof labels];
    const ms = await medianMs(() => load(campaignId, now), tries);
    loaders.push({ label, ms, longestStallMs: (await probe(slug, () => again(() => load(campaignId, now)))).longestStallMs });
  }
  const referrals = await figureLoaders.referrals(campaignId);
  const dashboardMs = await medianMs(() => campaignFigures(slug, now), tries);
  const counted = (await figureLoaders.countries(campaignId)).reduce((sum, row) => sum + row.count, 0);
  const idle = await probe(slug, () => sleep(1_000));
  const loading = await probe(slug, () => again(() => campaignFigures(slug, now)));
  return { referred: referrals.referred, loaders, dashboardMs, counted, idle, loading };
}
