import { describe, expect, it } from "vitest";
import { roundedPendingFigure } from "./pending-figure";

describe("roundedPendingFigure", () => {
  it("says nothing below ten, then rounds down to a step that grows with the figure", () => {
    expect([0, 1, 9].map(roundedPendingFigure)).toEqual([0, 0, 0]);
    expect([10, 19, 999].map(roundedPendingFigure)).toEqual([10, 10, 990]);
    expect([1_000, 1_099, 9_999].map(roundedPendingFigure)).toEqual([1_000, 1_000, 9_900]);
    expect([10_000, 123_456].map(roundedPendingFigure)).toEqual([10_000, 123_000]);
  });
});
