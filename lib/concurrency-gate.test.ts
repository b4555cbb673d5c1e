import { describe, expect, it } from "vitest";
import { ConcurrencyGate } from "./concurrency-gate";

/** Work that finishes when told to, and a record of how many ran at once at the most. */
function tracked() {
  let running = 0;
  let most = 0;
  const releases: (() => void)[] = [];
  const work = () =>
    new Promise<string>((resolve) => {
      most = Math.max(most, ++running);
      releases.push(() => {
        running--;
        resolve("done");
      });
    });
  return { work, releases, most: () => most };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("ConcurrencyGate", () => {
  it("runs at most its limit at once, lets a bounded number wait, and turns the rest away at once", async () => {
    const gate = new ConcurrencyGate(2, 3, 10_000);
    const { work, releases, most } = tracked();
    const outcomes = Array.from({ length: 7 }, () => gate.run(work));
    await tick();
    expect(releases).toHaveLength(2);
    expect(await Promise.all(outcomes.slice(5))).toEqual([{ ok: false }, { ok: false }]);
    while (releases.length > 0) {
      releases.shift()!();
      await tick();
    }
    expect(await Promise.all(outcomes.slice(0, 5))).toEqual(Array.from({ length: 5 }, () => ({ ok: true, value: "done" })));
    expect(most()).toBe(2);
  });

  it("turns away work that waited too long, and keeps serving after", async () => {
    const gate = new ConcurrencyGate(1, 5, 20);
    const { work, releases } = tracked();
    const first = gate.run(work);
    const waiter = gate.run(work);
    expect(await waiter).toEqual({ ok: false });
    releases.shift()!();
    expect(await first).toEqual({ ok: true, value: "done" });
    const later = gate.run(work);
    await tick();
    releases.shift()!();
    expect(await later).toEqual({ ok: true, value: "done" });
  });
});
