import type { IncomingMessage, ServerResponse } from "node:http";
import { sendJson } from "./respond";
import { liveHub, type LiveHub } from "@/lib/live-hub";

/**
 * Unsent bytes Node may hold for one watcher before dropping it. Node holds none until the kernel's
 * socket buffer (tens of KB to a few MB) is full, so a watcher past this has stopped reading. A
 * frame is about 1 KB and the hub sends at most five a second, so 32 KB is many seconds of the
 * busiest changes; 300 such watchers cost at most 10 MB, where each would otherwise keep every frame.
 */
export const maxUnsentBytes = 32 * 1024;

/**
 * Serves the server-sent-events stream on the bare Node response: a watcher costs a socket and a
 * listener, where a Next.js route-handler stream costs about 100 KB, too much for a crowd.
 */
export async function streamLiveCount(req: IncomingMessage, res: ServerResponse, slug: string, hub: LiveHub = liveHub()): Promise<void> {
  // Frames and heartbeats alike pass here, so a watcher that stops reading is dropped at the next
  // of either; its EventSource reconnects after `retry` and is sent the current snapshot at once.
  const unsubscribe = await hub.subscribe(slug, (frame) => {
    if (res.destroyed) return;
    if (res.writableLength > maxUnsentBytes) return drop(res);
    if (!res.headersSent) {
      res.writeHead(200, {
        "Content-Type": "text/event-stream; charset=utf-8",
        "Cache-Control": "no-cache, no-transform",
        Connection: "keep-alive",
        // nginx and similar proxies would otherwise hold the stream back in a buffer.
        "X-Accel-Buffering": "no",
      });
      res.write("retry: 2000\n\n");
    }
    res.write(frame);
  });
  if (!unsubscribe) return sendJson(res, 404, { error: "No such petition." });
  req.socket.setNoDelay(true);
  req.socket.setKeepAlive(true);
  openStreams.add(res);
  res.on("close", () => {
    openStreams.delete(res);
    unsubscribe();
  });
  if (req.destroyed || res.destroyed) unsubscribe();
}

const openStreams = new Set<ServerResponse>();

/**
 * Ends every open stream, asking each watcher to come back in half a second: behind a balancer
 * it reconnects to another process, which sends it the current count at once.
 */
export function endStreams(): void {
  for (const res of openStreams) {
    if (res.headersSent && !res.destroyed) res.end("retry: 500\n\n");
    else res.destroy();
  }
}

/**
 * A reset rather than a close: a close would leave the unsent bytes queued in the kernel, behind a
 * window the watcher never opens, until TCP gives up on them.
 */
function drop(res: ServerResponse): void {
  if (res.socket) res.socket.resetAndDestroy();
  else res.destroy();
}
