import type { IncomingMessage } from "node:http";
import { config, type Config } from "./config";

type RequestHeaders = { get(name: string): string | null };

/** Set by our server on every request, after removing any copy a client sent (see stampSiteOrigin). */
export const siteOriginHeader = "x-countersign-origin";

// Headers by which a proxy tells the app where a request was really addressed. From anyone else
// they are lies that would shape links on pages other readers are served.
const forwardedHeaders = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded"];

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.split(",")[0]?.trim();

/** `host[:port]` when the value is one and nothing else (no path, no user, no scheme), lower-cased. */
function plainHost(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(`http://${value}`);
    return url.host === value.toLowerCase() && url.pathname === "/" && !url.username ? url.host : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The origin readers reach the site at: PUBLIC_URL when set; else, when the operator says a proxy
 * sets them, its X-Forwarded-Host and X-Forwarded-Proto (each checked for shape); else the Host
 * the request came to, over plain HTTP, which is all this server speaks.
 */
export function resolveSiteOrigin(req: IncomingMessage, settings: Pick<Config, "PUBLIC_URL" | "TRUST_FORWARDED_HOST">): string {
  if (settings.PUBLIC_URL) return new URL(settings.PUBLIC_URL).origin;
  const host = plainHost(req.headers.host) ?? "localhost";
  if (!settings.TRUST_FORWARDED_HOST) return `http://${host}`;
  const proto = first(req.headers["x-forwarded-proto"])?.toLowerCase();
  const scheme = proto === "https" || proto === "http" ? proto : "http";
  return `${scheme}://${plainHost(first(req.headers["x-forwarded-host"])) ?? host}`;
}

/**
 * Stamps a request with its site origin, for pages and actions to read from headers, and removes
 * forwarded headers the settings do not trust, so nothing further in (Next.js included) sees them.
 */
export function stampSiteOrigin(req: IncomingMessage, settings: Pick<Config, "PUBLIC_URL" | "TRUST_FORWARDED_HOST">): string {
  const origin = resolveSiteOrigin(req, settings);
  if (!settings.TRUST_FORWARDED_HOST) for (const name of forwardedHeaders) delete req.headers[name];
  req.headers[siteOriginHeader] = origin;
  return origin;
}

/** The site's origin as a browser sees it, as our server stamped it on the request. */
export function siteOrigin(headers: RequestHeaders): string {
  return headers.get(siteOriginHeader) ?? (config().PUBLIC_URL ? new URL(config().PUBLIC_URL!).origin : "http://localhost");
}
