import { openDatabase } from "@/db/open";
import { closeStores, openStores, stores } from "@/lib/stores";
import { emailKey } from "@/lib/domain/email-key";
import type { SignatureListPage, SignatureSearch } from "@/lib/domain/signature-search";
import { seedCampaigns } from "@/lib/seed";
import { syntheticSigner } from "@/lib/synthetic-signers";
import { executeSql } from "@/test/rows";
import { timeCharts, type ChartTiming } from "./chart-timing";
import { medianMs } from "./support/median";

export type SearchTiming = { label: string; firstMs: number; deepMs: number; deepPages: number; found: number; stoppedEarly: boolean };
export type TimingReport = { rows: number; seedSeconds: number; searches: SearchTiming[]; charts: ChartTiming };

const slug = "white-helmets";
const tries = 5;
const deepPages = Number(process.env.BENCH_LIST_DEEP_PAGES ?? 200);
const rare = "Zuzanna Rzadka";

/** Which searches the bench times: an organiser's usual ones, rare and common matches of each kind. */
function searches(rows: number): [string, Omit<SignatureSearch, "campaignId">][] {
  return [
    ["everyone", {}],
    ["a common name's start (1 in 25)", { namePrefix: "amina" }],
    ["a rare name's start (20 rows)", { namePrefix: "zuzanna" }],
    ["one address", { emailKey: emailKey(syntheticSigner(Math.floor(rows / 2)).email) }],
    ["a domain (1 in 7)", { emailDomain: "proton.me" }],
    ["a country (1 in 249)", { country: "IS" }],
    ["a rare status (suspected, 1 in 10,000)", { status: "suspected" }],
    ["a common status (confirmed)", { status: "confirmed" }],
    ["the newest hour", { from: new Date(Date.now() - 3_600_000) }],
    // Matches many, far from the newest: the walk stops after its budget, and says so.
    ["an hour a day ago", { from: new Date(Date.now() - 25 * 3_600_000), to: new Date(Date.now() - 24 * 3_600_000) }],
    ["a country and a name's start (1 in 250)", { country: "RU", namePrefix: "a" }],
    // The made-up signers from Iceland have no name starting with A: the walk's worst case.
    ["a country and a name's start that match none together", { country: "IS", namePrefix: "a" }],
  ];
}

async function main() {
  await openStores(openDatabase);
  const rows = Number(process.argv[2]);
  await stores().database.migrateDatabase();
  await seedCampaigns();
  const campaignId = (await stores().campaigns.readCampaignStanding(slug))!.id;
  const seeding = performance.now();
  await stores().signatures.insertSeedSignatures(campaignId, rows, syntheticSigner);
  const seedSeconds = (performance.now() - seeding) / 1000;
  // A few rows unlike the rest, spread through the table: a rare name, and the bot trap's catches.
  const url = process.env.DATABASE_URL!;
  executeSql(url, "update signatures set full_name = ?, name_key = ? where id % ? = 7", rare, rare.toLowerCase(), Math.floor(rows / 20));
  executeSql(url, "update signatures set status = 'suspected' where id % 10000 = 3");
  // As autovacuum would have by then: statistics for the planner, and the visibility map for index-only reads.
  if (!url.startsWith("file:")) executeSql(url, "vacuum analyze signatures");

  // The first query of a process pays for preparing statements and filling the cache: not a search's cost.
  for (let i = 0; i < 20; i++) await stores().signatures.searchSignatures({ campaignId }, { direction: "older", size: 50 });
  const timings: SearchTiming[] = [];
  for (const [label, search] of searches(rows)) {
    const query = { ...search, campaignId };
    let first: SignatureListPage | undefined;
    const firstMs = await medianMs(async () => (first = await stores().signatures.searchSignatures(query, { direction: "older", size: 50 })), tries);
    // Follow the older links, as an organiser paging back would, and time the last page reached.
    let page = first!;
    let pages = 1;
    let found = page.rows.length;
    let stoppedEarly = page.stoppedEarly;
    while (pages < deepPages && page.older !== undefined) {
      page = await stores().signatures.searchSignatures(query, { direction: "older", cursor: page.older, size: 50 });
      pages++;
      found += page.rows.length;
      stoppedEarly ||= page.stoppedEarly;
    }
    const cursor = page.older ?? page.rows.at(-1)?.id;
    const deepMs = await medianMs(() => stores().signatures.searchSignatures(query, { direction: "older", cursor, size: 50 }), tries);
    timings.push({ label, firstMs, deepMs, deepPages: pages, found, stoppedEarly });
  }
  const charts = await timeCharts(url, slug, campaignId);
  const report: TimingReport = { rows, seedSeconds, searches: timings, charts };
  process.stdout.write(JSON.stringify(report));
  // PostgreSQL's folder holds a connection of its own, which would keep the process alive.
  await closeStores();
}

void main();
