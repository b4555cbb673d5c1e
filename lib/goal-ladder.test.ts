import { describe, expect, it } from "vitest";
import { shownGoal } from "./goal-ladder";

describe("shownGoal", () => {
  it("shows the organiser's goal until it is reached, stepping or not", () => {
    expect(shownGoal(1_000, 999, true)).toEqual({ goal: 1_000, passed: null });
    expect(shownGoal(1_000, 0, true)).toEqual({ goal: 1_000, passed: null });
  });

  it("keeps the organiser's goal past 100% when stepping is off", () => {
    expect(shownGoal(1_000, 4_000, false)).toEqual({ goal: 1_000, passed: null });
  });

  it("steps to the next rung of 500, 1,000, 2,500, 5,000 … above the total", () => {
    expect(shownGoal(500, 500, true)).toEqual({ goal: 1_000, passed: 500 });
    expect(shownGoal(500, 1_000, true)).toEqual({ goal: 2_500, passed: 1_000 });
    expect(shownGoal(500, 1_001, true)).toEqual({ goal: 2_500, passed: 1_000 });
    expect(shownGoal(500, 2_499, true)).toEqual({ goal: 2_500, passed: 1_000 });
    expect(shownGoal(500, 4_999, true)).toEqual({ goal: 5_000, passed: 2_500 });
    expect(shownGoal(500, 9_000, true)).toEqual({ goal: 10_000, passed: 5_000 });
    expect(shownGoal(500, 10_000, true)).toEqual({ goal: 25_000, passed: 10_000 });
    expect(shownGoal(500, 60_000, true)).toEqual({ goal: 100_000, passed: 50_000 });
    expect(shownGoal(500, 100_000, true)).toEqual({ goal: 250_000, passed: 100_000 });
    expect(shownGoal(500, 3_000_000, true)).toEqual({ goal: 5_000_000, passed: 2_500_000 });
  });

  it("names the organiser's own goal as passed when it is above the last rung", () => {
    expect(shownGoal(700, 800, true)).toEqual({ goal: 1_000, passed: 700 });
    expect(shownGoal(3_000, 4_000, true)).toEqual({ goal: 5_000, passed: 3_000 });
  });

  it("starts from the first rung above a small goal", () => {
    expect(shownGoal(100, 150, true)).toEqual({ goal: 500, passed: 100 });
  });
});
