import { describe, expect, it } from "vitest";
import { everyBucket, startOfUnit, sumBuckets } from "./time-buckets";

describe("time buckets", () => {
  it("starts hours and days at UTC boundaries", () => {
    const at = new Date("2026-05-03T14:37:12.345Z");
    expect(startOfUnit(at, "hour").toISOString()).toBe("2026-05-03T14:00:00.000Z");
    expect(startOfUnit(at, "day").toISOString()).toBe("2026-05-03T00:00:00.000Z");
  });

  it("fills the hours the store found none in with zeros, and keeps those it found", () => {
    const found = { start: new Date("2026-05-03T12:00:00Z"), confirmed: 2, pending: 1, invalidated: 1 };
    const buckets = everyBucket([found], "hour", new Date("2026-05-03T10:30:00Z"), new Date("2026-05-03T14:00:00Z"));
    expect(buckets.map((b) => b.start.toISOString().slice(11, 16))).toEqual(["10:00", "11:00", "12:00", "13:00"]);
    expect(buckets[2]).toBe(found);
    expect(buckets[0]).toEqual({ start: new Date("2026-05-03T10:00:00Z"), confirmed: 0, pending: 0, invalidated: 0 });
  });

  it("sums a run of buckets by status and finds the busiest, none when all are empty", () => {
    const bucket = (hour: number, confirmed: number, pending: number, invalidated: number) => ({
      start: new Date(Date.UTC(2026, 4, 3, hour)),
      confirmed,
      pending,
      invalidated,
    });
    const run = [bucket(1, 1, 0, 0), bucket(2, 2, 1, 1), bucket(3, 0, 0, 4)];
    expect(sumBuckets(run)).toEqual({ confirmed: 3, pending: 1, invalidated: 5, total: 9, busiest: run[1] });
    expect(sumBuckets([bucket(1, 0, 0, 0)])).toEqual({ confirmed: 0, pending: 0, invalidated: 0, total: 0, busiest: undefined });
  });
});
