// The organisers' signature search on a big campaign: seeds BENCH_LIST_ROWS signatures (5 million
// by default) into a fresh SQLite database, then times the first page and a page deep in (after
// following the older links) of each kind of search, beside the unfiltered first page measured in
// the same run, then the campaign dashboard's charts on the same campaign. Part of npm run bench;
// alone: node --import tsx bench/signature-list.ts, and on a fresh PostgreSQL database
// (TEST_POSTGRES_URL's server) with BENCH_LIST_POSTGRES=1.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createTestDatabase, dropTestDatabase } from "@/test/postgres";
import type { Row } from "./support/report";
import { table } from "./support/report";
import type { TimingReport } from "./signature-list-timing";

const listRows = Number(process.env.BENCH_LIST_ROWS ?? 5_000_000);

export function measureSignatureList(dir: string, log: (line: string) => void, postgresUrl?: string): Row[] {
  const databaseUrl = postgresUrl ?? `file:${path.join(dir, "signature-list.db")}`;
  const section = postgresUrl ? "Signature list (PostgreSQL)" : "Signature list";
  log(`${section}: seeding ${listRows.toLocaleString("en")} signatures, then timing searches…`);
  const out = execFileSync(process.execPath, ["--import", "tsx", "bench/signature-list-timing.ts", String(listRows)], {
    // PostgreSQL asks for a secret key (there is no folder to keep one in); this run signs no links.
    env: { SECRET_KEY: randomBytes(32).toString("base64url"), ...process.env, DATABASE_URL: databaseUrl, SQLITE_SYNCHRONOUS: "NORMAL", ADMIN_EMAIL: "", ADMIN_PASSWORD: "", LOG_LEVEL: "error" },
    maxBuffer: 16 * 1024 * 1024,
  });
  const report = JSON.parse(out.toString()) as TimingReport;
  const baseline = { name: "everyone, first page", value: report.searches[0]!.firstMs };
  const rows: Row[] = [
    { section, measure: `Seeding ${report.rows.toLocaleString("en")} signatures (with the search's indexes)`, value: report.seedSeconds, unit: "s" },
  ];
  for (const s of report.searches) {
    const found = `${s.found.toLocaleString("en")} rows in ${s.deepPages} pages${s.stoppedEarly ? ", stopped early" : ""}`;
    rows.push(
      { section, measure: `${s.label}: first page`, value: s.firstMs, unit: "ms", baseline },
      { section, measure: `${s.label}: page ${s.deepPages + 1} (${found})`, value: s.deepMs, unit: "ms", baseline },
    );
  }
  rows.push(...chartRows(report, postgresUrl ? "Campaign charts (PostgreSQL)" : "Campaign charts", baseline));
  return rows;
}

function chartRows({ charts }: TimingReport, section: string, firstPage: { name: string; value: number }): Row[] {
  const { loaders, idle, loading } = charts;
  const idleStall = { name: "idle", value: idle.longestStallMs };
  const oneByOne = { name: `the ${loaders.length} one after another`, value: loaders.reduce((sum, loader) => sum + loader.ms, 0) };
  return [
    ...loaders.flatMap(({ label, ms, longestStallMs }): Row[] => [
      { section, measure: label, value: ms, unit: "ms", baseline: firstPage },
      { section, measure: `${label}: longest event-loop stall, loaded again and again for a second`, value: longestStallMs, unit: "ms", baseline: idleStall },
    ]),
    {
      section,
      measure: `all ${loaders.length} at once, as the dashboard loads them, median of 5 (${charts.counted.toLocaleString("en")} counted, ${charts.referred.toLocaleString("en")} by a link)`,
      value: charts.dashboardMs,
      unit: "ms",
      baseline: oneByOne,
      target: { atMost: 250, describe: "< 250 ms" },
    },
    {
      section,
      measure: "longest event-loop stall while the dashboard loads again and again for a second",
      value: loading.longestStallMs,
      unit: "ms",
      baseline: idleStall,
      target: { atMost: 20, describe: "≤ 20 ms" },
    },
    {
      section,
      measure: `a read of the live count meanwhile, median of ${loading.reads.toLocaleString("en")}`,
      value: loading.readMedianMs,
      unit: "ms",
      baseline: { name: `idle (${idle.reads.toLocaleString("en")} reads)`, value: idle.readMedianMs },
    },
    { section, measure: "the slowest read of the live count meanwhile", value: loading.readLongestMs, unit: "ms", baseline: { name: "idle", value: idle.readLongestMs } },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const dir = mkdtempSync(path.join(tmpdir(), "countersign-list-bench-"));
  const postgresUrl = process.env.BENCH_LIST_POSTGRES ? createTestDatabase("list_bench") : undefined;
  try {
    console.log(table(measureSignatureList(dir, (line) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`), postgresUrl)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
    if (postgresUrl) dropTestDatabase(postgresUrl);
  }
}
