import { describe, expect, it } from "vitest";
import { logStatsSchema, statsDifferences } from "./stats";

const tally = { count: 3, byHow: { email: 2, open: 1, import: 0 }, byCountry: { SY: 3 }, byDay: { "2026-04-11": 3 } };
const served = { origin: "o", treeSize: 4, count: 3, byHow: { email: 2, open: 1 }, byCountry: { SY: 3, LB: 0 }, byDay: { "2026-04-11": 3 } };

describe("comparing stats.json with a replay", () => {
  it("agrees when only zero groups differ", () => {
    expect(statsDifferences(served, tally)).toEqual([]);
  });

  it("names every group that differs, and the count", () => {
    expect(statsDifferences({ ...served, count: 4, byHow: { email: 3, open: 1 }, byDay: { "2026-04-12": 3 } }, tally)).toEqual([
      "count: stats.json says 4, the entries make 3",
      "byHow.email: stats.json says 3, the entries make 2",
      "byDay.2026-04-11: stats.json says 0, the entries make 3",
      "byDay.2026-04-12: stats.json says 3, the entries make 0",
    ]);
    expect(statsDifferences({ ...served, byHow: { ...served.byHow, post: 1 } }, tally)).toEqual(["byHow.post: stats.json says 1, the entries make 0"]);
  });

  it("refuses a stats.json of the wrong shape", () => {
    expect(logStatsSchema.safeParse(served).success).toBe(true);
    expect(logStatsSchema.safeParse({ ...served, count: "3" }).success).toBe(false);
    expect(logStatsSchema.safeParse({ ...served, byCountry: { SY: -1 } }).success).toBe(false);
  });
});
