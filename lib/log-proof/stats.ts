// stats.json: the tally a log publishes over its first treeSize entries, and how it compares with
// the tally a replay of those entries makes.
import { z } from "zod";
import type { Tally } from "./replay";

const groups = z.record(z.string(), z.number().int().nonnegative());

export const logStatsSchema = z.object({
  origin: z.string(),
  treeSize: z.number().int().nonnegative(),
  count: z.number().int().nonnegative(),
  byHow: groups,
  byCountry: groups,
  byDay: groups,
});
export type LogStats = z.infer<typeof logStatsSchema>;

function groupDifferences(name: string, served: Record<string, number>, replayed: Record<string, number>): string[] {
  // A group of zero may be left out, so a missing group reads as zero.
  const keys = [...new Set([...Object.keys(served), ...Object.keys(replayed)])].sort();
  return keys
    .filter((key) => (served[key] ?? 0) !== (replayed[key] ?? 0))
    .map((key) => `${name}.${key}: stats.json says ${served[key] ?? 0}, the entries make ${replayed[key] ?? 0}`);
}

/** Every group in which stats.json and the replayed entries disagree, as lines to print; none when they agree. */
export function statsDifferences(served: LogStats, replayed: Tally): string[] {
  return [
    ...(served.count === replayed.count ? [] : [`count: stats.json says ${served.count}, the entries make ${replayed.count}`]),
    ...groupDifferences("byHow", served.byHow, replayed.byHow),
    ...groupDifferences("byCountry", served.byCountry, replayed.byCountry),
    ...groupDifferences("byDay", served.byDay, replayed.byDay),
  ];
}
