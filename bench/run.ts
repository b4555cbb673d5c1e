// npm run bench: builds and starts Countersign on fresh temporary databases, drives it with
// autocannon and a crowd of EventSource watchers, and prints each figure beside a baseline measured
// in the same run. Writes bench/results.json. Fails loudly if any signature answered as stored is
// missing, or a counter disagrees with the rows.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { deriveSecretKey } from "@/lib/secrets";
import { signatureIdOf } from "@/lib/withdrawals";
import { buildIfStale } from "../scripts/build";
import { recordSigningAction } from "./support/action-request";
import { exportInChildProcess, measureExport, measureSqliteShell, sessionToken } from "./support/export";
import { benchClientHeader, freshClient, freshSignerJson, offeredRate, saturate, type LoadFigures, type Target } from "./support/load";
import { formToWatcher } from "./support/form-to-watcher";
import { firstLoadJsKb } from "./support/page-weight";
import { residentMb, startApp, startBaseline } from "./support/processes";
import { machine, table, writeResults, type Row } from "./support/report";
import { measurePostgres } from "./support/postgres";
import { measureDeliveryReport } from "./support/delivery-report";
import { measureStalledWatchers } from "./support/stalled-watchers";
import { updateSendRows } from "./support/update-send";
import { openCrowd } from "./support/watchers";
import { measureSignatureList } from "./signature-list";
import { startAppServer } from "../e2e/support/app-server";
import { createTestDatabase, dropTestDatabase } from "../test/postgres";
import { executeSql } from "../test/rows";

const slug = "white-helmets";
const elsewhere = 325_000;
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const watcherCount = Number(process.env.BENCH_WATCHERS ?? 10_000);
const exportRows = Number(process.env.BENCH_EXPORT_ROWS ?? 1_000_000);
const growthRows = Number(process.env.BENCH_GROWTH_ROWS ?? 5_000_000);
const stalledCount = Number(process.env.BENCH_STALLED_WATCHERS ?? 300);
const stalledSignatures = Number(process.env.BENCH_STALLED_SIGNATURES ?? 1_000);
// One scenario alone, to measure a change to it without the whole 10 minutes; the others share
// their baselines and run together.
const only = process.env.BENCH_ONLY;
if (only !== undefined && !["stalled-watchers", "postgres", "signature-list", "count-log", "figures"].includes(only)) {
  throw new Error(`BENCH_ONLY may be "stalled-watchers", "postgres", "signature-list", "count-log" or "figures", not "${only}"`);
}
// The SQLite app's API rate at 200 signers, beside which PostgreSQL's is printed.
let sqliteApi200: LoadFigures | undefined;

const rows: Row[] = [];
const problems: string[] = [];
const dir = mkdtempSync(path.join(tmpdir(), "countersign-bench-"));
const json = { "content-type": "application/json" };

/** Signature ids the app answered as stored, per database, to check against the rows afterwards. */
// Every app the bench starts inherits this key, so their withdraw tokens can be opened here.
const benchSecretKey = (process.env.SECRET_KEY ??= randomBytes(32).toString("base64url"));

// Each acknowledged signature's withdraw token, by database; opened with the apps' key at the end.
const acknowledged = new Map<string, string[]>();
function remember(database: string, token: string) {
  const tokens = acknowledged.get(database) ?? [];
  tokens.push(token);
  acknowledged.set(database, tokens);
}

/** Signing through the API; with `distinctClients`, each signer from an address and domain of its own, as a crowd of real people. */
function apiSigning(url: string, database: string, distinctClients = false): Target {
  return {
    url: `${url}/api/petitions/${slug}/signatures`,
    method: "POST",
    headers: json,
    body: () => freshSignerJson("api", distinctClients),
    ...(distinctClients ? { eachHeaders: freshClient } : {}),
    onResponse: (status, body) => {
      const token = /\/withdraw\/([\w-]{48})"/.exec(body)?.[1];
      if (status === 201 && token) remember(database, token);
    },
  };
}

function log(line: string) {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
}

function seed(database: string, count: number) {
  log(`seeding ${count.toLocaleString("en")} signatures…`);
  execFileSync(process.execPath, ["--import", "tsx", "scripts/seed-signatures.ts", String(count)], {
    env: { ...process.env, DATABASE_URL: `file:${database}`, SQLITE_SYNCHRONOUS: "NORMAL", ADMIN_EMAIL: "", ADMIN_PASSWORD: "" },
    stdio: "inherit",
  });
}

/** The store's count read on `database`, timed by a process of its own: p50 and p99 in µs. */
function countReadMicros(database: string): { p50: number; p99: number } {
  const out = execFileSync(process.execPath, ["--import", "tsx", "bench/count-read.ts", slug], {
    env: { ...process.env, DATABASE_URL: `file:${database}`, ADMIN_EMAIL: "", ADMIN_PASSWORD: "" },
  });
  return JSON.parse(out.toString()) as { p50: number; p99: number };
}

/** After a run: the counter equals the rows, and every acknowledged signature is there. */
function checkDatabase(database: string, label: string) {
  const db = new Database(database, { readonly: true });
  try {
    const { counted, stored } = db
      .prepare("select signature_count as counted, (select count(*) from signatures where status = 'confirmed') as stored from petitions where slug = ?")
      .get(slug) as { counted: number; stored: number };
    if (counted !== stored) problems.push(`${label}: the counter says ${counted} but ${stored} rows are stored`);
    const logged = db.prepare("select count(*) filter (where kind = 'add') - count(*) filter (where kind = 'remove') as n from log_entries where petition_id = (select id from petitions where slug = ?)").get(slug) as { n: number };
    if (logged.n !== counted) problems.push(`${label}: the count log holds ${logged.n} counted signatures, the counter ${counted}`);
    const has = db.prepare("select 1 from signatures where id = ?");
    const key = deriveSecretKey(benchSecretKey, "withdraw");
    const ids = (acknowledged.get(database) ?? []).map((token) => signatureIdOf(token, key));
    const missing = ids.filter((id) => id === undefined || !has.get(id));
    if (missing.length) problems.push(`${label}: ${missing.length} of ${ids.length} acknowledged signatures are missing`);
    log(`${label}: ${stored.toLocaleString("en")} rows, counter ${counted.toLocaleString("en")}, ${ids.length.toLocaleString("en")} acknowledged, ${missing.length} missing`);
  } finally {
    db.close();
  }
}

/** How many count-log entries wait when a load ends, and how long until the sequencer has placed them all. */
async function logCaughtUp(database: string): Promise<{ waiting: number; ms: number }> {
  const db = new Database(database, { readonly: true });
  const waitingNow = () => (db.prepare("select count(*) as n from log_entries where position is null").get() as { n: number }).n;
  try {
    const started = performance.now();
    const waiting = waitingNow();
    while (waitingNow() > 0) {
      if (performance.now() - started > 60_000) {
        problems.push(`the count log still had ${waitingNow()} entries waiting a minute after the load`);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return { waiting, ms: Math.round(performance.now() - started) };
  } finally {
    db.close();
  }
}

async function checkCount(url: string, database: string, label: string) {
  const status = (await (await fetch(`${url}/api/petitions/${slug}`)).json()) as { total: number; signaturesHere: number };
  const db = new Database(database, { readonly: true });
  const stored = (db.prepare("select count(*) as n from signatures where status = 'confirmed'").get() as { n: number }).n;
  db.close();
  if (status.total !== stored + elsewhere) problems.push(`${label}: the API says ${status.total}, the rows make ${stored + elsewhere}`);
}

const signingRow = (measure: string, figures: LoadFigures, baseline: { name: string; value: number }, ratio?: number): Row => ({
  section: "Signing",
  measure: `${measure} (p50 ${figures.p50} ms, p99 ${figures.p99} ms${figures.errors || figures.non2xx ? `, ${figures.errors} errors, ${figures.non2xx} non-2xx` : ""})`,
  value: figures.rate,
  unit: "/s",
  baseline,
  ...(ratio ? { target: { ratio, describe: `≥ ${ratio}× ${baseline.name}` } } : {}),
});

type BaselineFigures = Record<"bare50" | "bare200" | "bareFixed" | "minimal50" | "minimal200" | "minimalGet" | "minimalAction200", LoadFigures>;

/**
 * Starts the baselines and measures them once; they stay up, idle, to be measured again after the
 * app's own signing runs. Their rates swing by a quarter or more on this shared machine, and a
 * slow moment would flatter the app: each baseline counts at the stricter of its two runs.
 */
async function baselines() {
  log("baseline: bare node:http + zod + better-sqlite3");
  const bare = await startBaseline({ node: ["bench/baseline-bare.ts"] }, { BASELINE_DB: path.join(dir, "bare.db") }, "/");
  const bareTarget: Target = { url: bare.url, method: "POST", headers: json, body: () => freshSignerJson("bare") };
  await saturate(bareTarget, 50, 2);

  log("baseline: minimal Next.js route handler and server action (bench/next-minimal)");
  const minimalDir = path.join(process.cwd(), "bench/next-minimal");
  // The build loads the route, which opens its database: the run's own, not a stray one in /tmp.
  const minimalEnv = { BASELINE_DB: path.join(dir, "minimal.db") };
  execFileSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], { cwd: minimalDir, stdio: "inherit", env: { ...process.env, ...minimalEnv } });
  const minimal = await startBaseline(
    { bin: process.execPath, args: [require.resolve("next/dist/bin/next"), "start", "-p", "$PORT"], cwd: minimalDir },
    minimalEnv,
    "/api/sign",
  );
  const minimalTarget: Target = { url: `${minimal.url}/api/sign`, method: "POST", headers: json, body: () => freshSignerJson("minimal") };
  await saturate(minimalTarget, 50, 3);
  const minimalJsKb = await firstLoadJsKb(`${minimal.url}/`);
  const recorded = await recordSigningAction(`${minimal.url}/action`);
  let n = 0;
  const minimalAction: Target = {
    url: recorded.url,
    method: "POST",
    headers: recorded.headers,
    body: () => recorded.body.replace(recorded.email, `minimal-action-${process.pid}-${n++}@bench.example`),
  };
  await saturate(minimalAction, 50, 3);

  const measure = async (): Promise<BaselineFigures> => ({
    bare50: await saturate(bareTarget, 50, seconds),
    bare200: await saturate(bareTarget, 200, seconds),
    bareFixed: await offeredRate(bareTarget, 300, seconds),
    minimal50: await saturate(minimalTarget, 50, seconds),
    minimal200: await saturate(minimalTarget, 200, seconds),
    minimalGet: await saturate({ url: `${minimal.url}/api/sign` }, 50, seconds),
    minimalAction200: await saturate(minimalAction, 200, seconds),
  });
  const first = await measure();
  return {
    first,
    minimalJsKb,
    /** The second run; then the baselines stop, and each figure is the stricter of the two. */
    again: async () => {
      log("baselines: measured again");
      const second = await measure();
      await Promise.all([bare.stop(), minimal.stop()]);
      // A baseline that answered without inserting would flatter itself: its rows must be there.
      const minimalDb = new Database(path.join(dir, "minimal.db"), { readonly: true });
      const actionRows = (minimalDb.prepare("select count(*) as n from signatures where email like 'minimal-action-%'").get() as { n: number }).n;
      minimalDb.close();
      const answered = first.minimalAction200.requests + second.minimalAction200.requests;
      if (actionRows < answered) problems.push(`the minimal server action stored ${actionRows} rows for ${answered} answers`);
      const keys = Object.keys(first) as (keyof BaselineFigures)[];
      // The stricter of the two: the higher rate, or for the fixed rate the lower p99.
      const stricter = (k: keyof BaselineFigures) =>
        k === "bareFixed" ? (first[k].p99 <= second[k].p99 ? first[k] : second[k]) : first[k].rate >= second[k].rate ? first[k] : second[k];
      const strictest = Object.fromEntries(keys.map((k) => [k, stricter(k)])) as BaselineFigures;
      for (const [key, measure] of [
        ["bare200", "bare node:http signing, 200"],
        ["minimal200", "minimal Next.js route signing, 200"],
        ["minimalGet", "minimal Next.js route GET, 50"],
        ["minimalAction200", "minimal Next.js server action signing, 200"],
      ] as const) {
        rows.push({
          section: "Baselines",
          measure: `${measure} (the higher of ${Math.round(first[key].rate).toLocaleString("en")} and ${Math.round(second[key].rate).toLocaleString("en")})`,
          value: strictest[key].rate,
          unit: "/s",
        });
      }
      rows.push({
        section: "Baselines",
        measure: `bare node:http at a fixed 300/s offered: p99 (the lower of ${first.bareFixed.p99} and ${second.bareFixed.p99} ms)`,
        value: strictest.bareFixed.p99,
        unit: "ms",
      });
      return strictest;
    },
  };
}

const limitsOn = { SIGN_LIMIT_PER_ADDRESS: "30", SIGN_LIMIT_PER_DOMAIN: "200", TRUSTED_PROXY_HEADER: benchClientHeader };
const logCostPairs = 5;

/**
 * What the count log costs signing (SQLite, the README's limits on, each signer from an address and a domain of its own):
 * pairs of runs on fresh databases, the log on (its default) and off (COUNT_LOG=false), back to back so that the machine's
 * drift falls on both of a pair, and which goes first taking turns, so that a machine growing busier or quieter through
 * the pairs favours neither side. One pair swings by a tenth on these machines; the row is the pair with the median ratio,
 * and names every pair's.
 */
async function countLogCost(): Promise<{ rows: Row[]; limits200: LoadFigures }> {
  const run = async (name: string, env: Record<string, string>) => {
    const database = path.join(dir, `${name}.db`);
    const app = await startApp(database, { ...limitsOn, ...env });
    const api = apiSigning(app.url, database, true);
    await saturate(api, 50, 3);
    const figures = await saturate(api, 200, seconds);
    const logged = env.COUNT_LOG !== "false";
    const caughtUp = logged ? await logCaughtUp(database) : undefined;
    await app.stop();
    // With the log off, the log disagrees with the count by design; the rows are checked with it on.
    if (logged) checkDatabase(database, `signing with limits on (${name})`);
    if (figures.errors || figures.non2xx) problems.push(`signing with limits on (${name}) had errors or non-2xx answers`);
    return { figures, caughtUp };
  };
  const pairs: { logged: LoadFigures; unlogged: LoadFigures; ratio: number }[] = [];
  let catchUp: { waiting: number; ms: number } | undefined;
  for (let pair = 1; pair <= logCostPairs; pair++) {
    const unloggedFirst = pair % 2 === 0 ? await run(`unlogged-${pair}`, { COUNT_LOG: "false" }) : undefined;
    const logged = await run(`logged-${pair}`, {});
    catchUp ??= logged.caughtUp;
    const unlogged = unloggedFirst ?? (await run(`unlogged-${pair}`, { COUNT_LOG: "false" }));
    pairs.push({ logged: logged.figures, unlogged: unlogged.figures, ratio: logged.figures.rate / unlogged.figures.rate });
  }
  const median = [...pairs].sort((a, b) => a.ratio - b.ratio)[Math.floor(pairs.length / 2)]!;
  const rows: Row[] = [
    {
      ...signingRow(
        `API, 200 signers, limits on, with the count log (its default): the median of ${pairs.length} pairs (${pairs.map((p) => `${p.ratio.toFixed(2)}x`).join(", ")})`,
        median.logged,
        { name: "count log off, same pair", value: median.unlogged.rate },
      ),
      target: { ratio: 0.9, describe: "≥ 0.9× log off" },
    },
    {
      section: "Signing",
      measure: `The count log caught up after the first pair's load: ${catchUp!.waiting.toLocaleString("en")} entries waiting when it ended, placed in`,
      value: catchUp!.ms,
      unit: "ms",
    },
  ];
  return { rows, limits200: pairs[0]!.logged };
}

// The triggers that keep the organisers' figures: SQLite's migration 0013, PostgreSQL's 0011.
const figureTriggers = {
  sqlite: ["signatures_figures_insert", "signatures_figures_delete", "signatures_figures_update_old", "signatures_figures_update_new"].map((t) => `drop trigger ${t}`),
  postgres: ["signatures_figures_insert", "signatures_figures_update", "signatures_figures_delete"].map((t) => `drop trigger ${t} on signatures`),
};
const figurePairs = 3;

/**
 * What keeping the organisers' figures costs signing through the API (the README's limits on, each signer from an address and
 * a domain of its own), on SQLite and on one PostgreSQL process: pairs of runs on fresh databases, the figures kept (as
 * always) and then not, the bench itself dropping the triggers that keep them once the app has migrated the database. A
 * comparison for the bench alone: the app has no setting that stops keeping them. After each kept run npm run db:recount
 * must find the counts and the figures exact. Each row is the pair with the median ratio, and names every pair's.
 */
async function figuresCost(): Promise<Row[]> {
  const run = async (dialect: "sqlite" | "postgres", name: string, kept: boolean) => {
    const database = path.join(dir, `${name}.db`);
    const databaseUrl = dialect === "sqlite" ? `file:${database}` : createTestDatabase(name.replaceAll("-", "_"));
    const app = dialect === "sqlite" ? await startApp(database, limitsOn) : await startAppServer({ ...limitsOn, DATABASE_URL: databaseUrl });
    if (!kept) for (const drop of figureTriggers[dialect]) executeSql(databaseUrl, drop);
    const api = apiSigning(app.url, database, true);
    await saturate(api, 50, 3);
    const figures = await saturate(api, 200, seconds);
    await app.stop();
    if (dialect === "sqlite") checkDatabase(database, `signing with limits on (${name})`);
    if (figures.errors || figures.non2xx) problems.push(`signing with limits on (${name}) had errors or non-2xx answers`);
    if (kept) {
      try {
        execFileSync(process.execPath, ["--import", "tsx", "scripts/recount.ts"], { env: { ...process.env, DATABASE_URL: databaseUrl, ADMIN_EMAIL: "", ADMIN_PASSWORD: "" } });
      } catch (error) {
        problems.push(`after signing with limits on (${name}), npm run db:recount found a difference: ${String((error as { stdout?: Buffer }).stdout ?? error)}`);
      }
    }
    if (dialect === "postgres") dropTestDatabase(databaseUrl);
    return figures;
  };
  const rowsOf = async (dialect: "sqlite" | "postgres", label: string): Promise<Row> => {
    const pairs: { kept: LoadFigures; unkept: LoadFigures; ratio: number }[] = [];
    for (let pair = 1; pair <= figurePairs; pair++) {
      const kept = await run(dialect, `figures-${dialect}-kept-${pair}`, true);
      const unkept = await run(dialect, `figures-${dialect}-unkept-${pair}`, false);
      pairs.push({ kept, unkept, ratio: kept.rate / unkept.rate });
    }
    const median = [...pairs].sort((a, b) => a.ratio - b.ratio)[Math.floor(pairs.length / 2)]!;
    return {
      ...signingRow(
        `${label}, 200 signers, limits on, the charts' figures kept (always): the median of ${pairs.length} pairs (${pairs.map((p) => `${p.ratio.toFixed(2)}x`).join(", ")})`,
        median.kept,
        { name: "figures' triggers dropped by the bench, same pair", value: median.unkept.rate },
      ),
      target: { ratio: 0.9, describe: "≥ 0.9× not kept" },
    };
  };
  return [await rowsOf("sqlite", "API"), await rowsOf("postgres", "PostgreSQL API, one process")];
}

async function signingAndWatching(baselinesRun: Awaited<ReturnType<typeof baselines>>) {
  const database = path.join(dir, "app.db");
  const app = await startApp(database);
  const api = apiSigning(app.url, database);
  log("app: warming up");
  await saturate(api, 50, 3);

  log("app: signing through the JSON API");
  const api50 = await saturate(api, 50, seconds);
  const api200 = await saturate(api, 200, seconds);
  sqliteApi200 = api200;
  const fixed = await offeredRate(api, 300, seconds);

  log("app: signing through the form's server action");
  const recorded = await recordSigningAction(`${app.url}/`);
  let n = 0;
  const action: Target = {
    url: recorded.url,
    method: "POST",
    headers: recorded.headers,
    body: () => recorded.body.replace(recorded.email, `action-${process.pid}-${n++}@bench.example`),
    onResponse: (status, body) => {
      const token = /withdrawToken":"([\w-]{48})"/.exec(body)?.[1];
      if (status === 200 && token) remember(database, token);
    },
  };
  await saturate(action, 50, 3);
  const action50 = await saturate(action, 50, seconds);
  const action200 = await saturate(action, 200, seconds);

  log("app: a form signature to an open page");
  const heard = await formToWatcher(`${app.url}/api/petitions/${slug}/events`, recorded);
  if (heard.missed) problems.push(`${heard.missed} form signatures never reached the watcher`);

  log("app: signing with the README's limits on, each signer from an address and a domain of its own, with the count log and without");
  const logCost = await countLogCost();
  const limits200 = logCost.limits200;

  const base = { ...(await baselinesRun.again()), minimalJsKb: baselinesRun.minimalJsKb };

  log("app: reading the count and the page");
  const countGet = await saturate({ url: `${app.url}/api/petitions/${slug}` }, 50, seconds);
  const pageGet = await saturate({ url: `${app.url}/` }, 50, seconds);
  const jsKb = await firstLoadJsKb(`${app.url}/`);

  rows.push(
    signingRow("API, 50 signers", api50, { name: "minimal route, 50", value: base.minimal50.rate }),
    signingRow("API, 200 signers", api200, { name: "minimal route, 200", value: base.minimal200.rate }, 0.8),
    { ...signingRow("API vs bare node:http, 200", api200, { name: "bare, 200", value: base.bare200.rate }) },
    {
      ...signingRow("API, 200 signers, the README's limits on, distinct addresses and domains", limits200, { name: "limits off, same run", value: api200.rate }),
      target: { ratio: 0.8, describe: "≥ 0.8× limits off" },
    },
    ...logCost.rows,
    {
      section: "Watching",
      measure: `A form signature's answer to an open page's event, p90 over 20 (p50 ${heard.p50} ms, ${heard.missed} missed)`,
      value: heard.p90,
      unit: "ms",
      target: { atMost: 150, describe: "< 150 ms" },
    },
    signingRow("Server action, 50 signers", action50, { name: "minimal route, 50", value: base.minimal50.rate }),
    signingRow("Server action, 200 signers", action200, { name: "minimal route, 200", value: base.minimal200.rate }, 0.6),
    signingRow("Server action vs the minimal server action, 200", action200, { name: "minimal action, 200", value: base.minimalAction200.rate }),
    {
      section: "Signing",
      measure: `API at a fixed 300/s offered: p99 (p50 ${fixed.p50} ms, ${fixed.rate.toFixed(0)}/s served, ${fixed.errors + fixed.non2xx} failed)`,
      value: fixed.p99,
      unit: "ms",
      baseline: { name: "bare node:http at 300/s", value: base.bareFixed.p99 },
      target: { atMost: 100, describe: "< 100 ms" },
    },
    {
      section: "Reading",
      measure: `GET /api/petitions/${slug}, 50 clients (p99 ${countGet.p99} ms)`,
      value: countGet.rate,
      unit: "/s",
      baseline: { name: "minimal route GET", value: base.minimalGet.rate },
    },
    {
      section: "Reading",
      measure: `Campaign page, 50 clients (p99 ${pageGet.p99} ms)`,
      value: pageGet.rate,
      unit: "/s",
      baseline: { name: "minimal route GET", value: base.minimalGet.rate },
      target: { ratio: 0.6, describe: "≥ 0.6× minimal GET" },
    },
    {
      section: "Reading",
      measure: "Campaign page first-load JavaScript, gzipped",
      value: jsKb,
      unit: "kB",
      baseline: { name: "one-button Next.js page", value: base.minimalJsKb },
      target: { atMost: 100, describe: "< 100 kB" },
    },
  );
  if ([api50, api200, action50, action200, limits200].some((f) => f.errors || f.non2xx)) problems.push("signing had errors or non-2xx answers");

  log(`app: ${watcherCount.toLocaleString("en")} watchers`);
  const idleMb = residentMb(app.process.pid!);
  const crowd = await openCrowd(`${app.url}/api/petitions/${slug}/events`, watcherCount);
  const crowdMb = residentMb(app.process.pid!);
  const lastSeen: number[] = [];
  const everyone: number[] = [];
  let missed = 0;
  for (let round = 0; round < 10; round++) {
    const before = ((await (await fetch(`${app.url}/api/petitions/${slug}`)).json()) as { total: number }).total;
    const sentAt = Date.now();
    const seen = crowd.expect(before + 1, sentAt);
    const response = await fetch(api.url, { method: "POST", headers: json, body: freshSignerJson("watched") });
    const token = /\/withdraw\/([\w-]{48})"/.exec(await response.text())?.[1];
    if (response.status === 201 && token) remember(database, token);
    const result = await seen;
    missed += result.missed;
    everyone.push(...result.latencies);
    lastSeen.push(Math.max(...result.latencies));
    await new Promise((resolve) => setTimeout(resolve, 1500));
  }
  const peakMb = residentMb(app.process.pid!);
  crowd.close();
  const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;
  rows.push(
    { section: "Watching", measure: `Signature to the last of ${crowd.size.toLocaleString("en")} watchers, p50`, value: pct(lastSeen, 50), unit: "ms" },
    { section: "Watching", measure: "Signature to the last watcher, p99 over 10 signatures", value: pct(lastSeen, 99), unit: "ms", target: { atMost: 1000, describe: "< 1,000 ms" } },
    { section: "Watching", measure: "Signature to the last watcher, max", value: Math.max(...lastSeen), unit: "ms" },
    { section: "Watching", measure: `Signature to each watcher, p99 (${missed} missed)`, value: pct(everyone, 99), unit: "ms", target: { atMost: 1000, describe: "< 1,000 ms" } },
    { section: "Watching", measure: `App process memory with the crowd connected (idle ${idleMb.toFixed(0)} MB, connected ${crowdMb.toFixed(0)} MB)`, value: peakMb, unit: "MB", target: { atMost: 400, describe: "< 400 MB" } },
  );
  if (missed) problems.push(`${missed} watcher updates were not seen within 5 s`);

  await checkCount(app.url, database, "signing and watching");
  await app.stop();
  checkDatabase(database, "signing and watching");
}

async function durability() {
  const figures: Record<string, LoadFigures> = {};
  for (const mode of ["NORMAL", "FULL"] as const) {
    const database = path.join(dir, `durability-${mode}.db`);
    const app = await startApp(database, { SQLITE_SYNCHRONOUS: mode });
    const api = apiSigning(app.url, database);
    await saturate(api, 50, 3);
    log(`durability: synchronous=${mode}`);
    figures[mode] = await saturate(api, 200, seconds);
    await app.stop();
    checkDatabase(database, `synchronous=${mode}`);
  }
  rows.push({
    section: "Durability",
    measure: `API, 200 signers, synchronous=FULL with group commit (p99 ${figures.FULL!.p99} ms)`,
    value: figures.FULL!.rate,
    unit: "/s",
    baseline: { name: "synchronous=NORMAL", value: figures.NORMAL!.rate },
    target: { ratio: 0.9, describe: "≥ 0.9× NORMAL" },
  });
  return figures.FULL!.rate;
}

async function growthRun(database: string, label: string) {
  const app = await startApp(database);
  const api = apiSigning(app.url, database);
  await saturate(api, 50, 3);
  log(`growth: signing at ${label}`);
  const signing = await saturate(api, 200, seconds);
  const count = await offeredRate({ url: `${app.url}/api/petitions/${slug}` }, 200, 5, 10);
  return { app, signing, count, countRead: countReadMicros(database) };
}

/** `npm run log:verify` as anyone would run it, over a log of a million entries and more; and what its tiles take. */
function verifyWholeLog(url: string, database: string): Row[] {
  const started = performance.now();
  let passed = true;
  try {
    execFileSync(path.join("node_modules", ".bin", "tsx"), ["scripts/log-verify.ts", url, slug], { stdio: ["ignore", "ignore", "inherit"], timeout: 300_000 });
  } catch {
    passed = false;
    problems.push("the verifier found the count log and the count in disagreement (or could not finish)");
  }
  const ms = performance.now() - started;
  const db = new Database(database, { readonly: true });
  const { size } = db.prepare("select size from campaign_logs where petition_id = (select id from petitions where slug = ?)").get(slug) as { size: number };
  const { tiles, bundles } = db
    .prepare("select sum(case when level >= 0 then length(data) else 0 end) as tiles, sum(case when level < 0 then length(data) else 0 end) as bundles from log_tiles")
    .get() as { tiles: number; bundles: number };
  db.close();
  return [
    {
      section: "Count log",
      measure: `npm run log:verify over the whole log, ${size.toLocaleString("en")} entries (${passed ? "passed" : "FAILED"})`,
      value: Math.round(ms / 100) / 10,
      unit: "s",
      target: { atMost: 60, describe: "< 60 s" },
    },
    {
      section: "Count log",
      measure: `Hash tiles stored for ${size.toLocaleString("en")} entries (entry bundles beside them: ${(bundles / 1e6).toFixed(1)} MB)`,
      value: Math.round(tiles / 1e5) / 10,
      unit: "MB",
      target: { atMost: 40, describe: "< 40 MB" },
    },
  ];
}

async function exportAndGrowth(emptyRate: number) {
  const database = path.join(dir, "export.db");
  seed(database, exportRows);
  const empty = await growthRun(path.join(dir, "growth-empty.db"), "0 rows");
  await empty.app.stop();
  checkDatabase(path.join(dir, "growth-empty.db"), "growth at 0 rows");

  const { app, signing: signing1m, count: count1m, countRead: countRead1m } = await growthRun(database, `${exportRows.toLocaleString("en")} rows`);
  const token = sessionToken(database);
  log("export: the app");
  const exported = await measureExport(app.url, slug, token, app.process.pid!, database);
  log("export: the sqlite3 shell");
  const shell = await measureSqliteShell(database);
  if (exported.rows < shell.rows) problems.push(`the export held ${exported.rows} rows, the table ${shell.rows}`);

  log("export: signing at a fixed 300/s, without and with exports running");
  const api = apiSigning(app.url, database);
  const quiet = await offeredRate(api, 300, seconds);
  let exporting = true;
  const duringExports: number[] = [];
  const exportLoop = (async () => {
    while (exporting) duringExports.push((await exportInChildProcess(app.url, slug, token, app.process.pid!, database)).peakWalMb);
  })();
  const busy = await offeredRate(api, 300, seconds);
  exporting = false;
  await exportLoop;
  await checkCount(app.url, database, "export");
  log("count log: the verifier over the whole log");
  const verified = verifyWholeLog(app.url, database);
  await app.stop();
  checkDatabase(database, "export");

  rows.push(
    ...verified,
    {
      section: "Export",
      measure: `${exported.rows.toLocaleString("en")} rows as CSV (${exported.seconds.toFixed(2)} s)`,
      value: exported.rowsPerSecond,
      unit: "rows/s",
      baseline: { name: "sqlite3 shell", value: shell.rowsPerSecond },
      target: { ratio: 0.5, describe: "≥ 0.5× sqlite3" },
    },
    { section: "Export", measure: "Time for the whole export", value: exported.seconds, unit: "s", target: { atMost: 4, describe: "< 4 s" } },
    { section: "Export", measure: "First byte", value: exported.firstByteMs, unit: "ms", target: { atMost: 500, describe: "< 500 ms" } },
    { section: "Export", measure: "Server memory growth during the export", value: exported.memoryGrowthMb, unit: "MB", target: { atMost: 128, describe: "< 128 MB" } },
    {
      section: "Export",
      measure: `Signing p99 at 300/s during exports (${duringExports.length} exports; without: ${quiet.p99} ms)`,
      value: busy.p99,
      unit: "ms",
      baseline: { name: "p99 without", value: Math.max(1, quiet.p99) },
      target: { atMost: 2 * Math.max(1, quiet.p99), describe: "≤ 2× without" },
    },
    { section: "Export", measure: "Largest WAL during exports with signing", value: Math.max(exported.peakWalMb, ...duringExports), unit: "MB", target: { atMost: 16, describe: "stays small" } },
  );

  const big = path.join(dir, "growth-big.db");
  copyFileSync(database, big);
  seed(big, growthRows - exportRows);
  const large = await growthRun(big, `${growthRows.toLocaleString("en")} rows`);
  await large.app.stop();
  checkDatabase(big, "growth at the largest size");

  rows.push(
    { section: "Growth", measure: `Signing on an empty table (p99 ${empty.signing.p99} ms)`, value: empty.signing.rate, unit: "/s", baseline: { name: "durability run", value: emptyRate } },
    {
      section: "Growth",
      measure: `Signing with ${exportRows.toLocaleString("en")} stored (p99 ${signing1m.p99} ms)`,
      value: signing1m.rate,
      unit: "/s",
      baseline: { name: "empty", value: empty.signing.rate },
    },
    {
      section: "Growth",
      measure: `Signing with ${growthRows.toLocaleString("en")} stored (p99 ${large.signing.p99} ms)`,
      value: large.signing.rate,
      unit: "/s",
      baseline: { name: "empty", value: empty.signing.rate },
      target: { ratio: 0.8, describe: "≥ 0.8× empty" },
    },
    ...[
      { label: "an empty table", http: empty.count, store: empty.countRead },
      { label: `${exportRows.toLocaleString("en")} rows`, http: count1m, store: countRead1m },
      { label: `${growthRows.toLocaleString("en")} rows`, http: large.count, store: large.countRead },
    ].map(({ label, http, store }, i): Row => ({
      section: "Growth",
      measure: `Count read in the store, p50, ${label} (p99 ${store.p99.toFixed(1)} µs; over HTTP at 200/s: p50 ${http.p50} ms, p99 ${http.p99} ms)`,
      value: store.p50,
      unit: "µs",
      ...(i > 0 ? { baseline: { name: "empty", value: empty.countRead.p50 }, target: { atMost: 1.5 * empty.countRead.p50, describe: "same at any size" } } : {}),
    })),
  );
}

/** Watchers that stop reading must not grow the server, nor slow the news to those who read. */
async function stalledWatchers() {
  const run = async (stalled: number) => {
    const database = path.join(dir, `stalled-${stalled}.db`);
    const app = await startApp(database);
    const api = apiSigning(app.url, database);
    await saturate(api, 50, 3);
    log(`stalled watchers: ${stalled} that stop reading, ${stalledSignatures.toLocaleString("en")} signatures`);
    const figures = await measureStalledWatchers({ url: app.url, pid: app.process.pid! }, slug, api, stalled, stalledSignatures);
    await checkCount(app.url, database, `${stalled} stalled watchers`);
    await app.stop();
    checkDatabase(database, `${stalled} stalled watchers`);
    if (figures.failed || figures.missed) problems.push(`with ${stalled} stalled watchers, ${figures.failed} signatures failed and the reader missed ${figures.missed}`);
    return figures;
  };
  const quiet = await run(0);
  const stalled = await run(stalledCount);
  const kernel = (f: typeof quiet) => `${f.kernelTcpGrowthMb.toFixed(0)} MB`;
  rows.push(
    {
      section: "Stalled watchers",
      measure: `App memory growth, ${stalled.stalled} watchers that stop reading + ${stalled.signed.toLocaleString("en")} signatures (idle ${stalled.idleMb.toFixed(0)} MB; kernel TCP buffers, machine-wide: +${kernel(stalled)}, without: +${kernel(quiet)})`,
      value: stalled.growthMb,
      unit: "MB",
      baseline: { name: "no stalled watchers", value: quiet.growthMb },
      target: { atMost: 64, describe: "< 64 MB" },
    },
    {
      section: "Stalled watchers",
      measure: "Signature to a reading watcher beside them, p50",
      value: stalled.p50,
      unit: "ms",
      baseline: { name: "no stalled watchers", value: quiet.p50 },
    },
    {
      section: "Stalled watchers",
      measure: `Signature to a reading watcher beside them, p99 (${stalled.missed} missed)`,
      value: stalled.p99,
      unit: "ms",
      baseline: { name: "no stalled watchers", value: quiet.p99 },
      target: { atMost: 1000, describe: "< 1,000 ms" },
    },
  );
}

async function main() {
  log(`on ${machine()}`);
  // The signature list is timed in the store, without the app.
  if (only !== "signature-list") buildIfStale();
  if (only === undefined) {
    const base = await baselines();
    await signingAndWatching(base);
    const fullRate = await durability();
    await exportAndGrowth(fullRate);
    log("delivery report…");
    rows.push(...measureDeliveryReport(dir, Number(process.env.BENCH_REPORT_NAMES ?? 100_000)));
    rows.push(...updateSendRows(Number(process.env.BENCH_UPDATE_SIGNERS ?? 100_000), log));
  }
  if (only === "count-log") rows.push(...(await countLogCost()).rows);
  if (only === undefined || only === "figures") rows.push(...(await figuresCost()));
  if (only === undefined || only === "stalled-watchers") await stalledWatchers();
  if (only === undefined || only === "signature-list") rows.push(...measureSignatureList(dir, log));
  if (only === undefined || only === "postgres") {
    const postgres = await measurePostgres({ slug, seconds, watcherCount, secretKey: benchSecretKey, log }, sqliteApi200);
    rows.push(...postgres.rows);
    problems.push(...postgres.problems);
  }

  console.log(`\n${table(rows)}\n`);
  writeResults(path.join(process.cwd(), "bench/results.json"), rows, {
    problems,
    seconds,
    watcherCount,
    exportRows,
    growthRows,
    stalledCount,
    stalledSignatures,
    ...(only ? { only } : {}),
  });
  rmSync(dir, { recursive: true, force: true });
  if (problems.length) {
    console.error(`THE BENCH FOUND PROBLEMS:\n${problems.map((p) => `- ${p}`).join("\n")}`);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  rmSync(dir, { recursive: true, force: true });
  process.exit(1);
});
