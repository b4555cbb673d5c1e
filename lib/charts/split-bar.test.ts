import { describe, expect, it } from "vitest";
import { splitBar } from "./split-bar";

describe("a whole split in parts", () => {
  it("gives each part a width in proportion to its value, end to end across the bar", () => {
    const parts = splitBar([{ key: "shared", value: 1 }, { key: "direct", value: 2 }], 300);
    expect(parts.map((p) => [p.key, p.x, p.width])).toEqual([
      ["shared", 0, 100],
      ["direct", 100, 200],
    ]);
    expect(parts.map((p) => p.share)).toEqual([1 / 3, 2 / 3]);
  });

  it("leaves no gap or overlap when the widths do not divide evenly", () => {
    const parts = splitBar([{ key: "a", value: 1 }, { key: "b", value: 1 }, { key: "c", value: 1 }], 100);
    for (const [i, part] of parts.entries()) if (i > 0) expect(part.x).toBeCloseTo(parts[i - 1]!.x + parts[i - 1]!.width, 9);
    expect(parts.at(-1)!.x + parts.at(-1)!.width).toBeCloseTo(100, 9);
  });

  it("draws nothing of an empty whole, and nothing of an empty part", () => {
    expect(splitBar([{ key: "a", value: 0 }], 100)).toEqual([]);
    expect(splitBar([{ key: "a", value: 0 }, { key: "b", value: 5 }], 100).map((p) => p.width)).toEqual([0, 100]);
  });
});
