import { describe, expect, it } from "vitest";
import { everyBucket, startOfUnit } from "./time-buckets";

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
});
