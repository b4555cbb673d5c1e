import { Client } from "pg";
import { deriveSecretKey } from "@/lib/secrets";
import { signatureIdOf } from "@/lib/withdrawals";
import { startAppServer } from "../../e2e/support/app-server";
import { startCluster } from "../../e2e/support/cluster";
import { createTestDatabase, dropTestDatabase } from "../../test/postgres";
import { benchClientHeader, freshClient, freshSignerJson, saturate, type LoadFigures, type Target } from "./load";
import type { Row } from "./report";
import { openCrowd } from "./watchers";

type Context = { slug: string; seconds: number; watcherCount: number; secretKey: string; log: (line: string) => void };

const json = { "content-type": "application/json" };

/**
 * Signing through the API at `url`, keeping every token answered as stored; with `distinctClients`,
 * each signer from an address and domain of its own (in a header the apps are told to trust).
 */
function signing(url: string, slug: string, prefix: string, distinctClients = false) {
  const tokens: string[] = [];
  const target: Target = {
    url: `${url}/api/petitions/${slug}/signatures`,
    method: "POST",
    headers: json,
    body: () => freshSignerJson(prefix, distinctClients),
    ...(distinctClients ? { eachHeaders: freshClient } : {}),
    onResponse: (status, body) => {
      const token = /\/withdraw\/([\w-]{48})"/.exec(body)?.[1];
      if (status === 201 && token) tokens.push(token);
    },
  };
  return { target, tokens };
}

/**
 * After a run on PostgreSQL: every signature answered as stored is there, and the count the API
 * tells (kept without scanning) equals the confirmed rows. Returns the problems found.
 */
async function check(databaseUrl: string, apiUrl: string, slug: string, tokens: string[], secretKey: string, label: string): Promise<string[]> {
  const key = deriveSecretKey(secretKey, "withdraw");
  const ids = tokens.map((token) => signatureIdOf(token, key) ?? -1);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const found = await client.query<{ n: number }>("select count(*)::int as n from signatures where id = any($1::int[])", [ids]);
    const confirmed = await client.query<{ n: number }>("select count(*)::int as n from signatures where status = 'confirmed'");
    const status = (await (await fetch(`${apiUrl}/api/petitions/${slug}`)).json()) as { signaturesHere: number };
    const problems: string[] = [];
    if (found.rows[0]!.n !== ids.length) problems.push(`${label}: ${ids.length - found.rows[0]!.n} of ${ids.length} acknowledged signatures are missing`);
    if (status.signaturesHere !== confirmed.rows[0]!.n) problems.push(`${label}: the API counts ${status.signaturesHere}, the rows ${confirmed.rows[0]!.n}`);
    return problems;
  } finally {
    await client.end();
  }
}

const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;

/**
 * PostgreSQL beside SQLite: one process signing at 200, three behind nginx (deploy/nginx.conf)
 * signing at 200 together, and a crowd of watchers spread over the three by nginx.
 */
export async function measurePostgres(context: Context, sqliteApi200?: LoadFigures): Promise<{ rows: Row[]; problems: string[] }> {
  const { slug, seconds, log } = context;
  const env = { SIGN_LIMIT_PER_ADDRESS: "0", SIGN_LIMIT_PER_DOMAIN: "0", SECRET_KEY: context.secretKey };
  const problems: string[] = [];

  log("PostgreSQL: one process");
  const single = createTestDatabase("bench");
  const app = await startAppServer({ ...env, DATABASE_URL: single });
  const one = signing(app.url, slug, "pg-one");
  await saturate(one.target, 50, 3);
  const single200 = await saturate(one.target, 200, seconds);
  // The count folds five times a second; a moment later it holds every signature.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  problems.push(...(await check(single, app.url, slug, one.tokens, context.secretKey, "PostgreSQL, one process")));
  await app.stop();
  dropTestDatabase(single);

  // The same crowd twice, on empty databases: limits off, then the README's defaults on. Through
  // nginx every request comes from 127.0.0.1, so each signer names its own address in a header.
  const clients = { ...env, TRUSTED_PROXY_HEADER: benchClientHeader };
  log("PostgreSQL: three processes behind nginx, limits off, distinct addresses and domains");
  const unlimited = await startCluster(3, clients);
  const free = signing(unlimited.url, slug, "pg-free", true);
  await saturate(free.target, 50, 3);
  const clusterFree200 = await saturate(free.target, 200, seconds);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  problems.push(...(await check(unlimited.databaseUrl, unlimited.url, slug, free.tokens, context.secretKey, "PostgreSQL, three processes, limits off")));
  await unlimited.stop();

  log("PostgreSQL: three processes behind nginx, the README's limits on");
  const limitedCluster = await startCluster(3, { ...clients, SIGN_LIMIT_PER_ADDRESS: "30", SIGN_LIMIT_PER_DOMAIN: "200" });
  const limited = signing(limitedCluster.url, slug, "pg-limited", true);
  await saturate(limited.target, 50, 3);
  const clusterLimited200 = await saturate(limited.target, 200, seconds);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  problems.push(...(await check(limitedCluster.databaseUrl, limitedCluster.url, slug, limited.tokens, context.secretKey, "PostgreSQL, three processes, limits on")));
  await limitedCluster.stop();

  log("PostgreSQL: the same with the count log off (COUNT_LOG=false), to weigh what the log costs");
  const unloggedCluster = await startCluster(3, { ...clients, SIGN_LIMIT_PER_ADDRESS: "30", SIGN_LIMIT_PER_DOMAIN: "200", COUNT_LOG: "false" });
  const unlogged = signing(unloggedCluster.url, slug, "pg-unlogged", true);
  await saturate(unlogged.target, 50, 3);
  const clusterUnlogged200 = await saturate(unlogged.target, 200, seconds);
  await unloggedCluster.stop();

  log("PostgreSQL: three processes behind nginx");
  const cluster = await startCluster(3, env);
  const three = signing(cluster.url, slug, "pg-three");
  await saturate(three.target, 50, 3);
  const cluster200 = await saturate(three.target, 200, seconds);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  problems.push(...(await check(cluster.databaseUrl, cluster.url, slug, three.tokens, context.secretKey, "PostgreSQL, three processes")));

  log(`PostgreSQL: ${context.watcherCount.toLocaleString("en")} watchers over the three processes`);
  const crowd = await openCrowd(`${cluster.url}/api/petitions/${slug}/events`, context.watcherCount);
  const lastSeen: number[] = [];
  const everyone: number[] = [];
  let missed = 0;
  for (let round = 0; round < 10; round++) {
    const before = ((await (await fetch(`${cluster.url}/api/petitions/${slug}`)).json()) as { total: number }).total;
    const sentAt = Date.now();
    const seen = crowd.expect(before + 1, sentAt);
    // Each round on another process, so most watchers hear of it from elsewhere (NOTIFY).
    const process = cluster.processes[round % cluster.processes.length]!;
    const response = await fetch(`${process.url}/api/petitions/${slug}/signatures`, { method: "POST", headers: json, body: freshSignerJson("pg-watched") });
    if (response.status !== 201) problems.push(`PostgreSQL watchers: a signature was answered ${response.status}`);
    const result = await seen;
    missed += result.missed;
    everyone.push(...result.latencies);
    lastSeen.push(Math.max(...result.latencies));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
  }
  crowd.close();
  if (missed) problems.push(`PostgreSQL: ${missed} watcher updates were not seen within 5 s`);
  await cluster.stop();
  if ([single200, cluster200, clusterFree200, clusterLimited200, clusterUnlogged200].some((f) => f.errors || f.non2xx)) problems.push("PostgreSQL signing had errors or non-2xx answers");

  const figures = (f: LoadFigures) => `p50 ${f.p50} ms, p99 ${f.p99} ms${f.errors || f.non2xx ? `, ${f.errors} errors, ${f.non2xx} non-2xx` : ""}`;
  return {
    problems,
    rows: [
      {
        section: "PostgreSQL",
        measure: `API, one process, 200 signers (${figures(single200)})`,
        value: single200.rate,
        unit: "/s",
        ...(sqliteApi200 ? { baseline: { name: "SQLite, same run", value: sqliteApi200.rate } } : {}),
        target: { atLeast: 2_000, describe: "≥ 2,000/s" },
      },
      {
        section: "PostgreSQL",
        measure: `API through nginx, three processes, 200 signers (${figures(cluster200)})`,
        value: cluster200.rate,
        unit: "/s",
        baseline: { name: "one process", value: single200.rate },
        target: { atLeast: 1_500, describe: "≥ 1,500/s" },
      },
      {
        section: "PostgreSQL",
        measure: `API through nginx, three processes, 200 signers, the README's limits on, distinct addresses and domains (${figures(clusterLimited200)})`,
        value: clusterLimited200.rate,
        unit: "/s",
        baseline: { name: `limits off, same crowd (${figures(clusterFree200)})`, value: clusterFree200.rate },
        target: { ratio: 0.8, atLeast: 1_500, describe: "≥ 0.8× limits off, and ≥ 1,500/s" },
      },
      {
        section: "PostgreSQL",
        measure: `API through nginx, three processes, 200 signers, limits on, with the count log (its default) (${figures(clusterLimited200)})`,
        value: clusterLimited200.rate,
        unit: "/s",
        baseline: { name: `count log off, same crowd (${figures(clusterUnlogged200)})`, value: clusterUnlogged200.rate },
        target: { ratio: 0.9, describe: "≥ 0.9× log off" },
      },
      {
        section: "PostgreSQL",
        measure: `Signature to the last of ${crowd.size.toLocaleString("en")} watchers over three processes, p99 over 10 signatures`,
        value: pct(lastSeen, 99),
        unit: "ms",
        target: { atMost: 1_000, describe: "< 1,000 ms" },
      },
      {
        section: "PostgreSQL",
        measure: `Signature to each watcher over three processes, p99 (${missed} missed)`,
        value: pct(everyone, 99),
        unit: "ms",
        target: { atMost: 1_000, describe: "< 1,000 ms" },
      },
    ],
  };
}
