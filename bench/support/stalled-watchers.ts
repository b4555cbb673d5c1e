// Watchers that open the live stream, take the first snapshot and never read again (a frozen tab,
// a phone asleep on a live socket), while signatures arrive and one ordinary watcher reads on.
import { readFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { performance } from "node:perf_hooks";
import { EventSource } from "eventsource";
import type { Target } from "./load";
import { residentMb, sampleWhile } from "./processes";

/** A busy moment for a campaign: 1,000 signatures take 10 s, long enough for ~50 broadcasts. */
const signaturesPerSecond = 100;
/** How long after the last answer a signature may still reach the reading watcher. */
const graceMs = 5000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Streams that read up to the first snapshot, then stop reading for good. */
function openStalled(eventsUrl: string, count: number): Promise<Socket[]> {
  const url = new URL(eventsUrl);
  const open = () =>
    new Promise<Socket>((resolve, reject) => {
      const socket = connect({ host: url.hostname, port: Number(url.port), autoSelectFamily: true }, () => {
        socket.write(`GET ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\n\r\n`);
      });
      // Kept, not once: the app resetting the stream later must not crash the bench.
      socket.on("error", reject);
      let head = "";
      const untilSnapshot = (chunk: Buffer) => {
        head += chunk.toString("latin1");
        if (!head.includes("\ndata: ")) return;
        socket.off("data", untilSnapshot);
        socket.pause();
        resolve(socket);
      };
      socket.on("data", untilSnapshot);
    });
  return Promise.all(Array.from({ length: count }, open));
}

/** An ordinary watcher: the time each total arrived, in performance.now() milliseconds. */
function openReader(eventsUrl: string) {
  const frames: { at: number; total: number }[] = [];
  const source = new EventSource(eventsUrl);
  const opened = new Promise<void>((resolve) => {
    source.onmessage = (event) => {
      frames.push({ at: performance.now(), total: (JSON.parse(event.data) as { total: number }).total });
      resolve();
    };
  });
  return { frames, opened, close: () => source.close() };
}

/** Each signature offered on its schedule, answered or not, with its signer number when signed. */
async function signAtPace(target: Target, count: number) {
  const start = performance.now();
  const signed: { sentAt: number; signerNumber: number }[] = [];
  let failed = 0;
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      await sleep(start + (i * 1000) / signaturesPerSecond - performance.now());
      const sentAt = performance.now();
      try {
        const response = await fetch(target.url, { method: target.method, headers: target.headers, body: target.body?.() });
        const body = await response.text();
        target.onResponse?.(response.status, body);
        if (response.status === 201) signed.push({ sentAt, signerNumber: (JSON.parse(body) as { signerNumber: number }).signerNumber });
        else failed++;
      } catch {
        failed++;
      }
    }),
  );
  return { signed, failed };
}

/** TCP buffers held by the kernel, machine-wide, in MB (/proc/net/sockstat counts 4 KB pages). */
function kernelTcpMb(): number {
  const pages = /^TCP:.* mem (\d+)/m.exec(readFileSync("/proc/net/sockstat", "utf8"))?.[1];
  return (Number(pages ?? 0) * 4096) / 2 ** 20;
}

const percentile = (values: number[], p: number) =>
  values.length ? [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]! : NaN;

export type StalledFigures = {
  stalled: number;
  signed: number;
  failed: number;
  /** Signatures the reading watcher had not seen `graceMs` after the last answer. */
  missed: number;
  idleMb: number;
  growthMb: number;
  kernelTcpGrowthMb: number;
  /** From sending a signature to the reading watcher receiving a total that counts it, in ms. */
  p50: number;
  p99: number;
};

/**
 * On a running app: opens `stalled` non-reading streams and one reading watcher, offers
 * `signatures` through the JSON API, and reports the app's peak resident memory over its idle
 * figure and how long each signature took to reach the reader.
 */
export async function measureStalledWatchers(app: { url: string; pid: number }, slug: string, target: Target, stalled: number, signatures: number): Promise<StalledFigures> {
  const eventsUrl = `${app.url}/api/petitions/${slug}/events`;
  const idleMb = residentMb(app.pid);
  const kernelBefore = kernelTcpMb();
  const memory = sampleWhile(app.pid);
  const sockets = await openStalled(eventsUrl, stalled);
  const reader = openReader(eventsUrl);
  await reader.opened;

  const { signed, failed } = await signAtPace(target, signatures);
  const last = Math.max(0, ...signed.map((s) => s.signerNumber));
  const deadline = performance.now() + graceMs;
  while ((reader.frames.at(-1)?.total ?? 0) < last && performance.now() < deadline) await sleep(50);
  // A moment for anything still on its way to land in a buffer, where the memory sampler sees it.
  await sleep(1000);
  const { peakMb } = memory.stop();
  const kernelTcpGrowthMb = kernelTcpMb() - kernelBefore;
  reader.close();
  for (const socket of sockets) socket.destroy();

  const latencies = signed.flatMap(({ sentAt, signerNumber }) => {
    const frame = reader.frames.find((f) => f.total >= signerNumber);
    return frame ? [frame.at - sentAt] : [];
  });
  return {
    stalled,
    signed: signed.length,
    failed,
    missed: signed.length - latencies.length,
    idleMb,
    growthMb: peakMb - idleMb,
    kernelTcpGrowthMb,
    p50: Math.round(percentile(latencies, 50)),
    p99: Math.round(percentile(latencies, 99)),
  };
}
