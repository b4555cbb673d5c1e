import { NextResponse, type NextRequest } from "next/server";
import { config as settings } from "@/lib/config";
import { contentSecurityPolicy, frameAncestors } from "@/lib/security-headers";

/**
 * A fresh nonce per page, in the request (Next.js stamps its scripts with it) and the response.
 * The embed pages may be framed by partners' pages (EMBED_ORIGINS); every other page by none.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const ancestors = frameAncestors(request.nextUrl.pathname, settings().EMBED_ORIGINS);
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development", ancestors);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // public/embed.js is a script for partners' pages, not a page: no policy to set. Nor has a
      // CSV upload (an answer of redirects), whose body the proxy would buffer and cut at 10 MB.
      source: "/((?!api/|_next/static|_next/image|icon.svg|embed\\.js$|admin/petitions/[^/]+/import/upload$).*)",
      // Prefetches and server-action calls from scripts answer with data, not a page: no policy to set.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
        { type: "header", key: "next-action" },
      ],
    },
  ],
};
