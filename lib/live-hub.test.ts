import { describe, expect, it } from "vitest";
import { LiveHub, type SnapshotLoader } from "./live-hub";
import type { LiveSnapshot } from "./campaign-status";

function fakeCampaign() {
  const state = { revision: 1, here: 0, loads: 0 };
  const snapshot = (): LiveSnapshot => ({
    slug: "c",
    title: "C",
    goal: 100,
    goalPassed: null,
    closesAt: null,
    closed: false,
    signaturesHere: state.here,
    signaturesElsewhere: 10,
    signaturesPending: 0,
    total: state.here + 10,
    updatedAt: new Date(0).toISOString(),
    revision: state.revision,
    recentSigners: [],
    reasons: { newest: [], gone: [] },
  });
  const load: SnapshotLoader = async (slug, known) => {
    state.loads++;
    if (slug !== "c") return undefined;
    return known === state.revision ? "unchanged" : snapshot();
  };
  const sign = () => {
    state.here++;
    state.revision++;
  };
  return { state, load, sign };
}

const totalIn = (frame: string) => (JSON.parse(frame.split("data: ")[1]!) as LiveSnapshot).total;
const options = { pollMs: 60_000, heartbeatMs: 60_000, minIntervalMs: 20 };

describe("LiveHub", () => {
  it("sends the current total at once, then each change to every watcher from one load", async () => {
    const campaign = fakeCampaign();
    const hub = new LiveHub(campaign.load, options);
    const seen: number[][] = Array.from({ length: 1000 }, () => []);
    const stops = await Promise.all(seen.map((frames) => hub.subscribe("c", (f) => frames.push(totalIn(f)))));
    expect(seen.every((frames) => frames.join() === "10")).toBe(true);
    const loadsBefore = campaign.state.loads;

    campaign.sign();
    hub.notify("c");
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect(seen.every((frames) => frames.join() === "10,11")).toBe(true);
    expect(campaign.state.loads - loadsBefore).toBe(1);
    stops.forEach((stop) => stop?.());
    expect(hub.watcherCount()).toBe(0);
  });

  it("folds a burst of changes into few broadcasts that end on the latest total", async () => {
    const campaign = fakeCampaign();
    const hub = new LiveHub(campaign.load, options);
    const frames: number[] = [];
    const stop = await hub.subscribe("c", (f) => frames.push(totalIn(f)));
    for (let i = 0; i < 50; i++) {
      campaign.sign();
      hub.notify("c");
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(frames.at(-1)).toBe(60);
    expect(frames.length).toBeLessThanOrEqual(3);
    stop?.();
  });

  it("notices changes made elsewhere by polling", async () => {
    const campaign = fakeCampaign();
    const hub = new LiveHub(campaign.load, { ...options, pollMs: 30 });
    const frames: number[] = [];
    const stop = await hub.subscribe("c", (f) => frames.push(totalIn(f)));
    campaign.sign();
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(frames).toEqual([10, 11]);
    stop?.();
  });

  it("sends heartbeats to keep idle streams open", async () => {
    const hub = new LiveHub(fakeCampaign().load, { ...options, heartbeatMs: 20 });
    const frames: string[] = [];
    const stop = await hub.subscribe("c", (f) => frames.push(f));
    await new Promise((resolve) => setTimeout(resolve, 70));
    expect(frames.filter((f) => f.startsWith(":")).length).toBeGreaterThanOrEqual(2);
    stop?.();
  });

  it("refuses a campaign that does not exist", async () => {
    const hub = new LiveHub(fakeCampaign().load, options);
    expect(await hub.subscribe("nope", () => {})).toBeUndefined();
    expect(hub.watcherCount()).toBe(0);
  });
});
