import { randomBytes } from "node:crypto";
import { createServer, request, type IncomingMessage } from "node:http";
import next from "next";
import { stampClientAddress } from "@/lib/client-address";
import { config, mailConfigured } from "@/lib/config";
import { PageCache, type RenderedPage } from "@/lib/http/page-cache";
import { apiRoute } from "@/lib/http/routes";
import { mailWorker } from "@/lib/mail/outbox-worker";
import { logRequestError, stampRequestId } from "@/lib/request-log";
import { securityHeaders } from "@/lib/security-headers";

// Marks the server's own requests for a page to cache, so they go to Next.js, not to the cache.
const renderHeader = "x-countersign-render";
const renderSecret = randomBytes(16).toString("hex");

/** Asks Next.js, through this same server, for a fresh copy of a page. */
function renderThroughNext(port: number, listenHost: string) {
  // A server listening on every interface is reached on loopback; one bound to an address, there.
  const host = listenHost === "0.0.0.0" || listenHost === "::" ? "127.0.0.1" : listenHost;
  return (path: string, req: IncomingMessage) =>
    new Promise<RenderedPage>((resolve, reject) => {
      const headers = {
        host: req.headers.host ?? `localhost:${port}`,
        "accept-language": req.headers["accept-language"] ?? "",
        "x-forwarded-proto": req.headers["x-forwarded-proto"] ?? "http",
        "accept-encoding": "identity",
        [renderHeader]: renderSecret,
      };
      const inner = request({ host, port, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const flat = Object.fromEntries(
            Object.entries(res.headers).flatMap(([name, value]) => (value === undefined ? [] : [[name, String(value)]])),
          );
          resolve({ status: res.statusCode ?? 500, headers: flat, body: Buffer.concat(chunks).toString("utf8") });
        });
        res.on("error", reject);
      });
      inner.on("error", reject);
      inner.end();
    });
}

/**
 * Next.js behind a thin Node server. Every response gets the security headers and every request
 * its client address; the public API (lib/http/routes.ts) is answered here on the bare request,
 * the campaign pages through a one-second micro-cache, and everything else by Next.js.
 */
export async function startServer(options: { dev: boolean; port: number; host: string }) {
  const app = next({ dev: options.dev, dir: process.cwd(), hostname: options.host, port: options.port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const { TRUSTED_PROXY_HEADER, PAGE_CACHE_SECONDS } = config();
  const pages = new PageCache(options.dev ? 0 : PAGE_CACHE_SECONDS * 1000, renderThroughNext(options.port, options.host));
  const server = createServer((req, res) => {
    stampClientAddress(req, TRUSTED_PROXY_HEADER);
    for (const { key, value } of securityHeaders) res.setHeader(key, value);
    const internal = req.headers[renderHeader] === renderSecret;
    const api = apiRoute(req, res);
    const answer = api ? api() : !internal && pages.handles(req) ? pages.serve(req, res) : handle(req, res);
    answer.catch((error: unknown) => {
      logRequestError(req, error);
      if (!res.headersSent) res.writeHead(500).end("Something went wrong on our side.");
      else res.destroy();
    });
  });
  // Watchers hold connections open for hours; Node's default would cut them after five minutes.
  server.requestTimeout = 0;
  server.keepAliveTimeout = 65_000;

  // Runs before the handler above, so everything that reads the request sees its id.
  server.prependListener("request", stampRequestId);

  // Mail queued before a restart, or whose sending failed, goes out from here.
  if (mailConfigured()) mailWorker().start();

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, resolve);
  });
  return server;
}
