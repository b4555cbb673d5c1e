import { createServer } from "node:http";
import next from "next";
import { liveEventsSlug, streamLiveCount } from "@/lib/live-events";

/**
 * Next.js behind a thin Node server: the live-count stream is answered here, on the bare response,
 * and every other request goes to Next.js unchanged.
 */
export async function startServer(options: { dev: boolean; port: number; host: string }) {
  const app = next({ dev: options.dev, dir: process.cwd(), hostname: options.host, port: options.port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = createServer((req, res) => {
    const slug = liveEventsSlug(req);
    const answer = slug ? streamLiveCount(req, res, slug) : handle(req, res);
    answer.catch((error: unknown) => {
      console.error(`${req.method} ${req.url} failed`, error);
      if (!res.headersSent) res.writeHead(500).end("Something went wrong on our side.");
      else res.destroy();
    });
  });
  // Watchers hold connections open for hours; Node's default would cut them after five minutes.
  server.requestTimeout = 0;
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, resolve);
  });
  return server;
}
