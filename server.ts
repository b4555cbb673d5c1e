import { createServer } from "node:http";
import next from "next";
import { stampClientAddress } from "@/lib/client-address";
import { config, mailConfigured } from "@/lib/config";
import { liveEventsSlug, streamLiveCount } from "@/lib/live-events";
import { mailWorker } from "@/lib/mail/outbox-worker";
import { securityHeaders } from "@/lib/security-headers";

/**
 * Next.js behind a thin Node server: every response gets the security headers and every request
 * its client address; the live-count stream is answered here, on the bare response, and every
 * other request goes to Next.js.
 */
export async function startServer(options: { dev: boolean; port: number; host: string }) {
  const app = next({ dev: options.dev, dir: process.cwd(), hostname: options.host, port: options.port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const { TRUSTED_PROXY_HEADER } = config();
  const server = createServer((req, res) => {
    stampClientAddress(req, TRUSTED_PROXY_HEADER);
    for (const { key, value } of securityHeaders) res.setHeader(key, value);
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

  // Mail queued before a restart, or whose sending failed, goes out from here.
  if (mailConfigured()) mailWorker().start();

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, resolve);
  });
  return server;
}
