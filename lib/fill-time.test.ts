import { describe, expect, it } from "vitest";
import { fillBucketEdgesMs } from "./domain/figures";
import { fillTimeFigures } from "./fill-time";

describe("time-to-fill buckets", () => {
  it("names each bucket by its edges, in order, with unknown last and zeros where none fell", () => {
    const figures = fillTimeFigures([
      { fromMs: null, count: 4 },
      { fromMs: 2_000, count: 7 },
      { fromMs: 300_000, count: 1 },
    ]);
    expect(figures.map((f) => [f.label, f.count])).toEqual([
      ["Under 2 s", 0],
      ["2–5 s", 7],
      ["5–10 s", 0],
      ["10–30 s", 0],
      ["30–60 s", 0],
      ["1–5 min", 0],
      ["Over 5 min", 1],
      ["Unknown", 4],
    ]);
    expect(figures[1]).toMatchObject({ fromMs: 2_000, toMs: 5_000 });
    expect(figures[6]).toMatchObject({ fromMs: 300_000, toMs: null });
  });

  it("starts at zero and rises", () => {
    expect(fillBucketEdgesMs[0]).toBe(0);
    expect([...fillBucketEdgesMs].sort((a, b) => a - b)).toEqual(fillBucketEdgesMs);
  });
});
