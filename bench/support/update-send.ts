import { execFileSync } from "node:child_process";
import type { Row } from "./report";

type Figures = {
  signers: number;
  queued: number;
  queueSeconds: number;
  longestWriterHoldMs: number;
  medianWriterHoldMs: number;
  configuredPerMinute: number;
  achievedPerMinute: number;
  signingPerSecond: number;
  quiet: { p50: number; p99: number };
  busy: { p50: number; p99: number };
};

/** Runs bench/update-send.ts in a process of its own (it sets its own settings) and makes its rows. */
export function updateSendRows(signers: number, log: (line: string) => void): Row[] {
  log(`updates: queuing and sending to ${signers.toLocaleString("en")} signers…`);
  const out = execFileSync(process.execPath, ["--import", "tsx", "bench/update-send.ts", String(signers)], { env: process.env, maxBuffer: 1 << 20 });
  const f = JSON.parse(out.toString()) as Figures;
  const ms = (n: number) => Math.round(n * 10) / 10;
  return [
    { section: "Updates", measure: `Queuing an update to ${f.queued.toLocaleString("en")} signers`, value: f.queueSeconds, unit: "s" },
    {
      section: "Updates",
      measure: `Longest the writer is held while queuing (one range of ids; median ${ms(f.medianWriterHoldMs)} ms)`,
      value: f.longestWriterHoldMs,
      unit: "ms",
      target: { atMost: 100, describe: "≤ 100 ms" },
    },
    {
      section: "Updates",
      measure: "Send rate to a local SMTP sink",
      value: f.achievedPerMinute,
      unit: "/min",
      baseline: { name: "UPDATE_SEND_PER_MINUTE", value: f.configuredPerMinute },
      target: { atMost: 1.2 * f.configuredPerMinute, describe: "≤ configured + the first second's burst" },
    },
    {
      section: "Updates",
      measure: `Signing p50 at ${f.signingPerSecond}/s while sending (without: ${ms(f.quiet.p50)} ms)`,
      value: f.busy.p50,
      unit: "ms",
      baseline: { name: "p50 without", value: Math.max(1, f.quiet.p50) },
    },
    {
      section: "Updates",
      measure: `Signing p99 at ${f.signingPerSecond}/s while sending (without: ${ms(f.quiet.p99)} ms)`,
      value: f.busy.p99,
      unit: "ms",
      baseline: { name: "p99 without", value: Math.max(1, f.quiet.p99) },
      target: { atMost: 2 * Math.max(1, f.quiet.p99), describe: "≤ 2× without" },
    },
  ];
}
