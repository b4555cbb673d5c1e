import type { IncomingMessage, ServerResponse } from "node:http";
import { streamLiveCount } from "./live-events";
import { answerExport } from "./export-endpoint";
import { answerCount, answerSigning } from "./petition-api";
import { answerHealth, answerReadiness } from "./health";
import { sendJson } from "./respond";

type Handler = (req: IncomingMessage, res: ServerResponse, slug: string) => Promise<void>;

const slugShape = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The public API and the CSV export, answered on Node's bare request and response: these are the
 * hot and heavy paths, and Next.js's request handling costs a few milliseconds a request and
 * ~100 KB per open stream that they do not need. Everything else goes to Next.js.
 */
const routes: { method: string; path: RegExp; handle: Handler }[] = [
  { method: "GET", path: /^\/api\/petitions\/([^/]+)\/events\/?$/, handle: streamLiveCount },
  { method: "GET", path: /^\/api\/petitions\/([^/]+)\/?$/, handle: answerCount },
  { method: "POST", path: /^\/api\/petitions\/([^/]+)\/signatures\/?$/, handle: answerSigning },
  // Organisers' export: millions of rows, where Next.js's web streams cost time and memory.
  { method: "GET", path: /^\/admin\/petitions\/([^/]+)\/signatures\.csv$/, handle: answerExport },
];

/** For the balancer: alive, and ready for work. */
const probes: Record<string, (req: IncomingMessage, res: ServerResponse) => Promise<void>> = {
  "/healthz": answerHealth,
  "/readyz": answerReadiness,
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
      let slug: string;
      try {
        slug = decodeURIComponent(match[1]!);
      } catch {
        slug = "";
      }
      if (!slugShape.test(slug)) return sendJson(res, 404, { error: "No such petition." });
      return route.handle(req, res, slug);
    };
  }
  return undefined;
}
