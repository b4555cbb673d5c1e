import { describe, expect, it } from "vitest";
import { parseEntry } from "./entries";
import { referenceStats, syntheticLines } from "./reference-log";
import { Replay } from "./replay";

const c = (n: number) => n.toString(16).padStart(64, "0");

function replayLines(lines: string[], replay = new Replay(2)): (string | null)[] {
  return lines.map((line) => {
    const entry = parseEntry(line);
    if (!entry.ok) throw new Error(entry.error);
    return replay.apply(entry.value);
  });
}

describe("replaying a log", () => {
  it("follows the count through adds and removes, and tallies what still stands", () => {
    const replay = new Replay(1);
    const lines = [
      // 29600639 is 2026-04-12T23:59Z, the minute before a UTC day ends.
      `add 29600639 SY email ${c(1)} 1`,
      `add 29600640 LB open ${c(2)} 2`,
      `add 29600641 SY import ${c(3)} 3`,
      "remove 29601500 1 withdrawn 2",
    ];
    expect(replayLines(lines, replay)).toEqual([null, null, null, null]);
    expect([replay.size, replay.adds, replay.removes, replay.count]).toEqual([4, 3, 1, 2]);
    expect(replay.tally()).toEqual({
      count: 2,
      byHow: { email: 1, open: 0, import: 1 },
      byCountry: { SY: 2 },
      byDay: { "2026-04-12": 1, "2026-04-13": 1 },
    });
  });

  it("says what is wrong with a count, and does not take the entry", () => {
    const replay = new Replay();
    expect(replayLines([`add 1 SY email ${c(1)} 1`, `add 1 SY email ${c(2)} 3`], replay)).toEqual([
      null,
      "entry 1 (an add) says the count is 3, but it makes 2",
    ]);
    expect(replay.size).toBe(1);
    expect(replayLines(["remove 1 0 erased 1"], replay)).toEqual(["entry 1 (a remove) says the count is 1, but it makes 0"]);
  });

  it("refuses a remove of a later entry, of a remove, or of an add already removed", () => {
    const replay = new Replay();
    const lines = [`add 1 SY email ${c(1)} 1`, `add 1 SY email ${c(2)} 2`, "remove 1 0 withdrawn 1"];
    expect(replayLines(lines, replay)).toEqual([null, null, null]);
    expect(replayLines(["remove 1 3 withdrawn 0"], replay)).toEqual(["entry 3 removes entry 3, which is not before it"]);
    expect(replayLines(["remove 1 2 withdrawn 0"], replay)).toEqual(["entry 3 removes entry 2, which is a remove, not an add"]);
    expect(replayLines(["remove 1 0 undone 0"], replay)).toEqual(["entry 3 removes entry 0, which an earlier remove already removed"]);
    expect(replayLines(["remove 1 1 undone 0"], replay)).toEqual([null]);
  });

  it("tallies as the definition of stats.json does, at every prefix of a synthetic log", () => {
    const lines = syntheticLines(3_000, { removeEvery: 4 });
    const replay = new Replay(10);
    lines.forEach((line, index) => {
      const entry = parseEntry(line);
      if (!entry.ok) throw new Error(entry.error);
      expect(replay.apply(entry.value)).toBeNull();
      if (index % 97 === 0 || index === lines.length - 1) {
        const { count, byHow, byCountry, byDay } = referenceStats("o", lines, index + 1);
        const zeroFree = (groups: Record<string, number>) => Object.fromEntries(Object.entries(groups).filter(([, n]) => n > 0));
        const tally = replay.tally();
        expect({ ...tally, byHow: zeroFree(tally.byHow) }).toEqual({ count, byHow: zeroFree(byHow), byCountry: zeroFree(byCountry), byDay: zeroFree(byDay) });
      }
    });
    expect(replay.removes).toBeGreaterThan(500);
  });
});
