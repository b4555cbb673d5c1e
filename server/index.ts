import { closeStores, stores } from "@/lib/stores";
import { randomBytes } from "node:crypto";
import { createServer, request, type IncomingMessage, type Server } from "node:http";
import next from "next";
import { stampClientAddress } from "@/lib/client-address";
import { config, mailConfigured } from "@/lib/config";
import { isSameOrigin } from "@/lib/auth/origin";
import { lifecycle } from "./health";
import { endStreams } from "./live-events";
import { routeToLocale } from "./locale-door";
import { PageCache, type RenderedPage, type RenderKey } from "./page-cache";
import { apiRoute } from "./routes";
import { answerTakenDownAsGone } from "./taken-down";
import { housekeeping } from "@/lib/housekeeping";
import { sequencerThread, type ThreadEntry } from "@/lib/count-log/sequencer-thread";
import { mailWorker } from "@/lib/mail/outbox-worker";
import { logRequestError, stampRequestId } from "@/lib/request-log";
import { securityHeadersFor } from "@/lib/security-headers";
import { siteOriginHeader, stampSiteOrigin } from "@/lib/site-origin";
import { unprefixedHeader } from "@/lib/unprefixed-address";

// Marks the server's own requests for a page to cache, so they go to Next.js, not to the cache.
const renderHeader = "x-countersign-render";
const renderSecret = randomBytes(16).toString("hex");

/** Asks Next.js, through this same server, for a fresh copy of a page: from its key and nothing else. */
function renderThroughNext(port: number, listenHost: string) {
  // A server listening on every interface is reached on loopback; one bound to an address, there.
  const host = listenHost === "0.0.0.0" || listenHost === "::" ? "127.0.0.1" : listenHost;
  return ({ origin, path, locale, unprefixed }: RenderKey) =>
    new Promise<RenderedPage>((resolve, reject) => {
      const headers = {
        host: new URL(origin).host,
        [siteOriginHeader]: origin,
        "accept-language": locale,
        "accept-encoding": "identity",
        [renderHeader]: renderSecret,
        ...(unprefixed ? { [unprefixedHeader]: "1" } : {}),
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

/** Organisers' forms post to /admin; from anywhere but this site they are refused before any work. */
function isForeignOrganiserPost(req: IncomingMessage, origin: string): boolean {
  return req.method === "POST" && /^\/admin(?:\/|$|\?)/.test(req.url ?? "") && !isSameOrigin(req.headers.origin ?? null, origin);
}

/**
 * Next.js behind a thin Node server. Every response gets the security headers and every request
 * its client address; the public API (server/routes.ts) is answered here on the bare request,
 * the campaign pages through a one-second micro-cache, and everything else by Next.js.
 */
export async function startServer(options: { dev: boolean; port: number; host: string; sequencer: ThreadEntry }) {
  const app = next({ dev: options.dev, dir: process.cwd(), hostname: options.host, port: options.port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const settings = config();
  const pages = new PageCache(options.dev ? 0 : settings.PAGE_CACHE_SECONDS * 1000, renderThroughNext(options.port, options.host), () => stores().pagePayloads);
  // A reason withdrawn or hidden anywhere leaves this process's copies at once (SQLite's other processes: within their TTL).
  stores().database.onPublicChange((slug, pageChanged) => {
    if (slug === undefined || pageChanged) pages.forget(slug);
  });
  // Checked every 2 s (Node's default is 30 s), so a stalled request is cut close to its timeout.
  const server = createServer({ connectionsCheckingInterval: 2_000 }, (req, res) => {
    // While shutting down, no connection is kept open for another request.
    if (lifecycle.draining) res.setHeader("Connection", "close");
    stampClientAddress(req, settings.TRUSTED_PROXY_HEADER);
    // The server's own page renders carry the origin they are for; every other request is stamped.
    const internal = req.headers[renderHeader] === renderSecret;
    const origin = internal ? (req.headers[siteOriginHeader] as string) : stampSiteOrigin(req, settings);
    // The embed pages leave out X-Frame-Options: their CSP's frame-ancestors says who may frame them.
    for (const { key, value } of securityHeadersFor(req.url ?? "/")) res.setHeader(key, value);
    if (isForeignOrganiserPost(req, origin)) {
      req.resume();
      res.writeHead(403, { "Content-Type": "text/plain; charset=utf-8" }).end("Organiser forms can only be sent from this site's own pages.\n");
      return;
    }
    const api = apiRoute(req, res);
    const page = async () => {
      if (!internal) await routeToLocale(req, res);
      await answerTakenDownAsGone(req, res);
      return !internal && pages.handles(req) ? pages.serve(req, res, origin) : handle(req, res);
    };
    const answer = api ? api() : page();
    answer.catch((error: unknown) => {
      logRequestError(req, error);
      if (!res.headersSent) res.writeHead(500).end("Something went wrong on our side.");
      else res.destroy();
    });
  });
  // A request's headers must arrive within 10 s and its body within 30 s, so a client trickling
  // bytes cannot hold a connection for ever. Both count only until the request is in: a response
  // (an event stream watched for hours) may take as long as it likes.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 65_000;

  // Runs before the handler above, so everything that reads the request sees its id.
  server.prependListener("request", stampRequestId);

  // Mail queued before a restart, or whose sending failed, goes out from here.
  if (mailConfigured()) mailWorker().start();
  housekeeping().start();
  sequencerThread().start(options.sequencer);
  stores().database.startBackgroundWork();

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, resolve);
  });
  return { server, shutdown: () => shutdown(server) };
}

/** How long requests already taken get to finish before the process stops anyway. */
const drainMs = 20_000;

/**
 * Stops as a balancer wants: readiness turns 503, no new connection is accepted (the balancer
 * sends it elsewhere), watchers are asked to reconnect elsewhere, and every request already
 * taken, signatures included, is answered before the database is closed.
 */
async function shutdown(server: Server): Promise<void> {
  lifecycle.draining = true;
  housekeeping().stop();
  // Its batch finishes while the requests do.
  const sequencerStopped = sequencerThread().stop();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  endStreams();
  const deadline = setTimeout(() => server.closeAllConnections(), drainMs);
  await closed;
  clearTimeout(deadline);
  await mailWorker().idle();
  await sequencerStopped;
  await closeStores();
}
