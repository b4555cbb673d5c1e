import { config } from "./config";

type RequestHeaders = { get(name: string): string | null };

/**
 * The site's origin as a browser sees it: PUBLIC_URL when set, else the address the request came
 * to (behind a proxy, its forwarded host and scheme).
 */
export function siteOrigin(headers: RequestHeaders): string {
  const configured = config().PUBLIC_URL;
  if (configured) return new URL(configured).origin;
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost";
  const proto = headers.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}`;
}
