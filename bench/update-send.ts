// Queues an update to N seeded signers who asked for updates and sends it through the outbox to a
// local SMTP sink, in one process as the app runs it, and prints as JSON: how long queuing took and
// the longest it held the one writer (the longest range's transaction), the send rate reached against UPDATE_SEND_PER_MINUTE, and signing latency at a
// fixed offered rate while sending against the same with nothing sent, measured in the same run.
//   npx tsx bench/update-send.ts [signers=100000]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startSmtpSink } from "../test/smtp-sink";

const signers = Number(process.argv[2] ?? 100_000);
const perMinute = Number(process.env.BENCH_UPDATE_PER_MINUTE ?? 1_200);
const signingPerSecond = Number(process.env.BENCH_UPDATE_SIGNING_RATE ?? 20);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);

const slug = "white-helmets";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;

async function run() {
  const dir = mkdtempSync(path.join(tmpdir(), "countersign-update-bench-"));
  const sink = await startSmtpSink();
  // Before any module reads config(), which is read once.
  Object.assign(process.env, {
    DATABASE_URL: `file:${path.join(dir, "bench.db")}`,
    SQLITE_SYNCHRONOUS: "NORMAL",
    SMTP_URL: `${sink.url}?pool=true&maxConnections=5`,
    MAIL_FROM: "Countersign <bench@bench.example>",
    PUBLIC_URL: "https://sign.bench.example",
    UPDATE_SEND_PER_MINUTE: String(perMinute),
    SIGN_LIMIT_PER_ADDRESS: "0",
    SIGN_LIMIT_PER_DOMAIN: "0",
    LOG_LEVEL: "silent",
  });

  const { openStores } = await import("@/lib/stores");
  const { openDatabase } = await import("@/db/open");
  const { database, campaigns, signatures, updates } = await openStores(openDatabase);
  const { seedCampaigns } = await import("@/lib/seed");
  const { syntheticSigner } = await import("@/lib/synthetic-signers");
  const { signCampaign } = await import("@/lib/signatures");
  const { mailWorker } = await import("@/lib/mail/outbox-worker");
  const { queueUpdate } = await import("@/lib/updates/send-update");


  let fresh = 0;
  /** Signs at a fixed offered rate for `seconds`; each signature's own latency, so no queue hides it. */
  async function signAtRate(label: string) {
    const latencies: number[] = [];
    const pending: Promise<void>[] = [];
    const interval = 1000 / signingPerSecond;
    const started = performance.now();
    for (let i = 0; i < seconds * signingPerSecond; i++) {
      const due = started + i * interval;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const at = performance.now();
      pending.push(
        signCampaign(slug, { fullName: "Bench Signer", email: `${label}-${fresh++}@bench.example`, country: "SY" }).then((outcome) => {
          if (outcome.kind !== "pending" && outcome.kind !== "signed") throw new Error(`signing answered ${outcome.kind}`);
          latencies.push(performance.now() - at);
        }),
      );
    }
    await Promise.all(pending);
    latencies.sort((a, b) => a - b);
    return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.at(-1) ?? 0 };
  }

  async function main() {
    await database.migrateDatabase();
    await seedCampaigns();
    const campaign = (await campaigns.readCampaignStanding(slug))!;
    await signatures.insertSeedSignatures(campaign.id, signers, (i) => ({ ...syntheticSigner(i), wantsUpdates: true }));
    mailWorker().start(1_000);
    await sleep(500);

    await signAtRate("warm-up");
    const quiet = await signAtRate("quiet");
    await mailWorker().idle();

    const updateId = await updates.insertUpdate({ campaignId: campaign.id, subject: "Bench update", bodyMarkdown: "News for everyone.", showOnPage: false, sentBy: "bench", createdAt: new Date() });
    const queuingStarted = performance.now();
    const ranges: number[] = [];
    const queued = await queueUpdate(updateId, new Date(), (ms) => ranges.push(ms));
    ranges.sort((a, b) => a - b);
    const queueSeconds = (performance.now() - queuingStarted) / 1000;

    const sentBefore = sink.messages.length;
    const sendingStarted = performance.now();
    const busy = await signAtRate("busy");
    const sendSeconds = (performance.now() - sendingStarted) / 1000;
    const updatesSent = sink.messages.slice(sentBefore).filter((m) => m.subject === "Bench update").length;

    process.stdout.write(
      JSON.stringify({
        signers,
        queued,
        queueSeconds,
        longestWriterHoldMs: ranges.at(-1) ?? 0,
        medianWriterHoldMs: percentile(ranges, 50),
        configuredPerMinute: perMinute,
        achievedPerMinute: (updatesSent / sendSeconds) * 60,
        signingPerSecond,
        quiet,
        busy,
      }),
    );
  }

  try {
    await main();
  } finally {
    await sink.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

run().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
