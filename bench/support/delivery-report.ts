import { execFileSync } from "node:child_process";
import path from "node:path";
import type { Row } from "./report";

type Figures = { ms: number; bytes: number; peakRssMb: number; longestStallMs: number };

/**
 * The delivery report's time and size without and with `names` signers' names, measured by
 * bench/delivery-report.ts in a process of its own on a database of its own in `dir`.
 */
export function measureDeliveryReport(dir: string, names: number): Row[] {
  const output = execFileSync(process.execPath, ["--import", "tsx", "bench/delivery-report.ts", String(names)], {
    env: { ...process.env, DATABASE_URL: `file:${path.join(dir, "delivery-report.db")}`, ADMIN_EMAIL: "", ADMIN_PASSWORD: "", LOG_LEVEL: "error" },
    encoding: "utf8",
  });
  const { without, withNames } = JSON.parse(output.trim().split("\n").at(-1)!) as { without: Figures; withNames: Figures };
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  const count = names.toLocaleString("en");
  return [
    { section: "Delivery report", measure: `PDF without names (${mb(without.bytes)} MB; longest event-loop pause ${without.longestStallMs.toFixed(0)} ms)`, value: without.ms / 1000, unit: "s" },
    {
      section: "Delivery report",
      measure: `PDF with ${count} names (${mb(withNames.bytes)} MB; longest event-loop pause ${withNames.longestStallMs.toFixed(0)} ms)`,
      value: withNames.ms / 1000,
      unit: "s",
    },
    {
      section: "Delivery report",
      measure: `Peak memory of the process, with ${count} names`,
      value: withNames.peakRssMb,
      unit: "MB",
      baseline: { name: "without names", value: without.peakRssMb },
    },
  ];
}
