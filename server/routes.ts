import type { IncomingMessage, ServerResponse } from "node:http";
import { streamLiveCount } from "./live-events";
import { answerExport } from "./export-endpoint";
import { answerCount, answerCountPreflight, answerSigning } from "./campaign-api";
import { answerHealth, answerReadiness } from "./health";
import { answerLogFile } from "./log-endpoint";
import { answerOEmbed } from "./oembed-endpoint";
import { answerReferralCount } from "./referral-endpoint";
import { answerShareCard } from "./share-card-endpoint";
import { sendJson } from "./respond";

type Handler = (req: IncomingMessage, res: ServerResponse, key: string) => Promise<void>;

const slugShape = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// Referral stats tokens: URL-safe base64, as lib/referrals.ts makes them.
const tokenShape = /^[A-Za-z0-9_-]{8,128}$/;

/**
 * The public API and the CSV export, answered on Node's bare request and response: these are the
 * hot and heavy paths, and Next.js's request handling costs a few milliseconds a request and
 * ~100 KB per open stream that they do not need. Everything else goes to Next.js.
 */
const routes: { method: string; path: RegExp; handle: Handler; shape?: RegExp }[] = [
  { method: "GET", path: /^\/api\/petitions\/([^/]+)\/events\/?$/, handle: streamLiveCount },
  { method: "GET", path: /^\/api\/petitions\/([^/]+)\/?$/, handle: answerCount },
  { method: "OPTIONS", path: /^\/api\/petitions\/([^/]+)\/?$/, handle: answerCountPreflight },
  { method: "POST", path: /^\/api\/petitions\/([^/]+)\/signatures\/?$/, handle: answerSigning },
  // Organisers' export: millions of rows, where Next.js's web streams cost time and memory.
  { method: "GET", path: /^\/admin\/petitions\/([^/]+)\/signatures\.csv$/, handle: answerExport },
  // Share cards, fetched by the crawlers of sites a link is shared on (HEAD first, by some).
  { method: "GET", path: /^\/og\/([^/]+)\/[a-z]{2}\.png$/, handle: answerShareCard },
  { method: "HEAD", path: /^\/og\/([^/]+)\/[a-z]{2}\.png$/, handle: answerShareCard },
  { method: "GET", path: /^\/api\/referrals\/([^/]+)$/, handle: answerReferralCount, shape: tokenShape },
  // The public count log: read by verifiers and receipt pages, a tile at a time.
  { method: "GET", path: /^\/log\/([^/]+)\/./, handle: answerLogFile },
  { method: "HEAD", path: /^\/log\/([^/]+)\/./, handle: answerLogFile },
];

/** Paths with no slug in them: the balancer's probes (alive, ready for work), and oEmbed, which reads its page from the query. */
const probes: Record<string, (req: IncomingMessage, res: ServerResponse) => Promise<void>> = {
  "/healthz": answerHealth,
  "/readyz": answerReadiness,
  "/api/oembed": answerOEmbed,
};

/** The bare handler for a request, if the API answers it. */
export function apiRoute(req: IncomingMessage, res: ServerResponse): (() => Promise<void>) | undefined {
  const pathname = (req.url ?? "").split("?")[0]!;
  const probe = req.method === "GET" || req.method === "HEAD" ? probes[pathname] : undefined;
  if (probe) return () => probe(req, res);
  for (const route of routes) {
    const match = route.path.exec(pathname);
    if (!match || req.method !== route.method) continue;
    return async () => {
      let key: string;
      try {
        key = decodeURIComponent(match[1]!);
      } catch {
        key = "";
      }
      if (!(route.shape ?? slugShape).test(key)) return sendJson(res, 404, { error: "Not found." });
      return route.handle(req, res, key);
    };
  }
  return undefined;
}
