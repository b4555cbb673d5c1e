import { once } from "node:events";
import { createServer, get, type ServerResponse } from "node:http";
import { connect, type AddressInfo, type Socket } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { LiveHub, type SnapshotLoader } from "@/lib/live-hub";
import type { LiveSnapshot } from "@/lib/campaign-status";
import { maxUnsentBytes, streamLiveCount } from "./live-events";

// Frames this large fill a loopback socket's kernel buffers (a few MB) in a few dozen frames, so
// Node itself must start holding bytes for a watcher that stops reading.
const frameBytes = 256 * 1024;

/** A campaign whose snapshot is one very long signer's name; `sign()` makes a new revision. */
function bulkyCampaign() {
  let revision = 0;
  const load: SnapshotLoader = async (_slug, known) => {
    if (known === revision) return "unchanged";
    const snapshot: LiveSnapshot = {
      slug: "c",
      title: "C",
      goal: 100,
      goalPassed: null,
      closesAt: null,
      closed: false,
      signaturesHere: revision,
      signaturesElsewhere: 0,
      signaturesPending: 0,
      total: revision,
      updatedAt: new Date(0).toISOString(),
      revision,
      recentSigners: [{ name: "x".repeat(frameBytes), country: "SY", signedAt: new Date(0).toISOString() }],
      reasons: { newest: [], gone: [] },
    };
    return snapshot;
  };
  return { load, sign: () => ++revision, revision: () => revision };
}

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

/** A real server streaming the campaign from `hub`, keeping each watcher's response to inspect. */
async function serve(hub: LiveHub) {
  const responses: ServerResponse[] = [];
  const server = createServer((req, res) => {
    responses.push(res);
    void streamLiveCount(req, res, "c", hub);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  cleanups.push(() => {
    server.closeAllConnections();
    server.close();
  });
  return { port: (server.address() as AddressInfo).port, responses };
}

/** A client that asks for the stream and then never reads a byte of it. */
function stalledWatcher(port: number): Socket {
  const socket = connect(port, "127.0.0.1", () => {
    socket.write("GET /api/petitions/c/events HTTP/1.1\r\nHost: localhost\r\n\r\n");
  });
  socket.pause();
  socket.on("error", () => {});
  cleanups.push(() => socket.destroy());
  return socket;
}

/** A client that reads everything, noting the id of each event it receives. */
function readingWatcher(port: number) {
  const ids: number[] = [];
  let text = "";
  const request = get({ port, host: "127.0.0.1", path: "/api/petitions/c/events" }, (res) => {
    res.setEncoding("utf8");
    res.on("data", (chunk: string) => {
      text += chunk;
      const frames = text.split("\n\n");
      text = frames.pop()!;
      for (const frame of frames) {
        const id = /^id: (\d+)$/m.exec(frame)?.[1];
        if (id !== undefined) ids.push(Number(id));
      }
    });
  });
  request.on("error", () => {});
  cleanups.push(() => request.destroy());
  return ids;
}

const options = { pollMs: 60_000, heartbeatMs: 60_000, minIntervalMs: 0 };

describe("the live-count stream", () => {
  it("drops a watcher that stops reading, holding no more than the bound for it, while a reader gets every frame", async () => {
    const campaign = bulkyCampaign();
    const hub = new LiveHub(campaign.load, options);
    const { port, responses } = await serve(hub);
    const stalled = stalledWatcher(port);
    await vi.waitFor(() => expect(hub.watcherCount()).toBe(1));
    const ids = readingWatcher(port);
    await vi.waitFor(() => expect(hub.watcherCount()).toBe(2));
    const stalledResponse = responses[0]!;

    // 40 frames of 256 KB: 10 MB, more than the kernel holds for a socket nobody reads.
    let mostHeld = 0;
    for (let i = 0; i < 40; i++) {
      const revision = campaign.sign();
      hub.notify("c");
      await vi.waitFor(() => expect(ids.at(-1)).toBe(revision), { timeout: 5000 });
      mostHeld = Math.max(mostHeld, stalledResponse.writableLength);
    }

    expect(stalledResponse.destroyed).toBe(true);
    // The bound, plus the one frame (with its chunk header) that took the buffer past it.
    expect(mostHeld).toBeLessThanOrEqual(maxUnsentBytes + frameBytes + 1024);
    expect(ids).toEqual(Array.from({ length: 41 }, (_, i) => i));
    await vi.waitFor(() => expect(hub.watcherCount()).toBe(1));
    // The connection itself is gone, not only the server's record of it.
    stalled.resume();
    await once(stalled, "close");
  });

  it("drops a watcher left over the bound by a heartbeat when nothing changes", async () => {
    const campaign = bulkyCampaign();
    // Filling takes a few milliseconds; the first heartbeat comes well after.
    const hub = new LiveHub(campaign.load, { ...options, heartbeatMs: 1000 });
    const { port, responses } = await serve(hub);
    stalledWatcher(port);
    await vi.waitFor(() => expect(hub.watcherCount()).toBe(1));
    const stalledResponse = responses[0]!;

    // Changes until Node itself holds more than the bound for the watcher, then none at all.
    for (let i = 0; i < 40 && stalledResponse.writableLength <= maxUnsentBytes; i++) {
      campaign.sign();
      hub.notify("c");
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(stalledResponse.writableLength).toBeGreaterThan(maxUnsentBytes);

    await vi.waitFor(() => expect(stalledResponse.destroyed).toBe(true), { timeout: 3000 });
    await vi.waitFor(() => expect(hub.watcherCount()).toBe(0));
  });
});
