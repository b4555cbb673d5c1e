import type { IncomingMessage, ServerResponse } from "node:http";
import { sendJson } from "./respond";
import { liveHub, type LiveHub } from "../live-hub";

/**
 * Serves the server-sent-events stream on the bare Node response: a watcher costs a socket and a
 * listener, where a Next.js route-handler stream costs about 100 KB, too much for a crowd.
 */
export async function streamLiveCount(req: IncomingMessage, res: ServerResponse, slug: string, hub: LiveHub = liveHub()): Promise<void> {
  const unsubscribe = await hub.subscribe(slug, (frame) => {
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
  res.on("close", unsubscribe);
  if (req.destroyed) unsubscribe();
}
