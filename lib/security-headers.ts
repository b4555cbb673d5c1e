/** Headers every response carries, set by the front door (server/index.ts); the Content-Security-Policy is added per page by proxy.ts. */
export const securityHeaders = [
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  // The older twin of frame-ancestors 'none', for browsers that predate CSP 2.
  { key: "X-Frame-Options", value: "DENY" },
];

/**
 * A strict policy: scripts only with this response's nonce (and what they load), nothing framed
 * or framing. Styles may be inline because React sets style attributes (the progress bar); that
 * cannot run code. A future embed route will be the one place frame-ancestors opens up.
 */
export function contentSecurityPolicy(nonce: string, dev: boolean): string {
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
    "frame-ancestors 'none'",
  ].join("; ");
}
