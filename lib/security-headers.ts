import { isEmbedPath } from "./embed";

/** Headers every response carries, set by the front door (server/index.ts); the Content-Security-Policy is added per page by proxy.ts. */
export const securityHeaders = [
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  // The older twin of frame-ancestors 'none', for browsers that predate CSP 2.
  { key: "X-Frame-Options", value: "DENY" },
];

// X-Frame-Options cannot name the sites that may frame a page (ALLOW-FROM is gone from every
// browser), so the embed pages leave it out and say so in frame-ancestors alone.
const embedHeaders = securityHeaders.filter(({ key }) => key !== "X-Frame-Options");

/** The headers for a response to `url` (a request's path and query): the embed pages may be framed. */
export function securityHeadersFor(url: string): typeof securityHeaders {
  return isEmbedPath(url) ? embedHeaders : securityHeaders;
}

/**
 * Who may frame a page, as a frame-ancestors value: nobody, except the embed pages, which the
 * listed partner origins (EMBED_ORIGINS) may frame, or any web page when none are listed.
 * `https: http:` says "any web page" outright; CSP's `*` means the same for frame-ancestors but
 * reads like more.
 */
export function frameAncestors(url: string, embedOrigins: readonly string[]): string {
  if (!isEmbedPath(url)) return "'none'";
  return embedOrigins.length > 0 ? embedOrigins.join(" ") : "https: http:";
}

/**
 * A strict policy: scripts only with this response's nonce (and what they load), nothing framed,
 * and framing only as `ancestors` allows (see frameAncestors). Styles may be inline because React
 * sets style attributes (the progress bar); that cannot run code.
 */
export function contentSecurityPolicy(nonce: string, dev: boolean, ancestors = "'none'"): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${ancestors}`,
  ].join("; ");
}
