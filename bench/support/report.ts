import { writeFileSync } from "node:fs";
import os from "node:os";

export type Row = {
  section: string;
  measure: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  /** For a ratio target, the lowest (or highest, with `atMost`) acceptable value of value/baseline. */
  target?: { ratio?: number; atMost?: number; atLeast?: number; describe: string };
};

const fmt = (n: number) => (Math.abs(n) >= 100 ? Math.round(n).toLocaleString("en") : n.toFixed(n >= 10 ? 1 : 2));

export function verdict(row: Row): "met" | "missed" | "" {
  if (!row.target) return "";
  const { ratio, atMost, atLeast } = row.target;
  // A row may hold several targets (a ratio and a floor): it meets them all or misses.
  const checks = [
    ...(ratio !== undefined && row.baseline ? [row.value / row.baseline.value >= ratio] : []),
    ...(atMost !== undefined ? [row.value <= atMost] : []),
    ...(atLeast !== undefined ? [row.value >= atLeast] : []),
  ];
  if (checks.length === 0) return "";
  return checks.every(Boolean) ? "met" : "missed";
}

/** The table the bench prints and BENCHMARKS.md records. */
export function table(rows: Row[]): string {
  const header = ["Section", "Measure", "Value", "Baseline", "Ratio", "Target", ""];
  const lines = rows.map((r) => [
    r.section,
    r.measure,
    `${fmt(r.value)} ${r.unit}`,
    r.baseline ? `${r.baseline.name}: ${fmt(r.baseline.value)}` : "",
    r.baseline ? `${(r.value / r.baseline.value).toFixed(2)}×` : "",
    r.target?.describe ?? "",
    verdict(r),
  ]);
  const all = [header, header.map((h) => "-".repeat(Math.max(3, h.length))), ...lines];
  return all.map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

export function machine(): string {
  return `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

export function writeResults(file: string, rows: Row[], extra: Record<string, unknown>): void {
  writeFileSync(
    file,
    `${JSON.stringify({ at: new Date().toISOString(), machine: machine(), rows: rows.map((r) => ({ ...r, verdict: verdict(r) })), ...extra }, null, 2)}\n`,
  );
}
