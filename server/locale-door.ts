import type { IncomingMessage, ServerResponse } from "node:http";
import { campaignLanguage } from "@/lib/campaign-language";
import { defaultLocale, isLocale, localeCookie, negotiateLocale, type Locale } from "@/lib/domain/locales";
import { unprefixedHeader } from "@/lib/unprefixed-address";

// The public pages without a locale in their path: the addresses people share and type, and
// those in emails sent before the pages moved under /<locale>/.
const unprefixed = /^\/(?:(p)\/([a-z0-9]+(?:-[a-z0-9]+)*)(?:\/confirm)?|confirm\/[^/]+|withdraw\/[^/]+|privacy|embed\/[a-z0-9-]+)?$/;
const prefixed = /^\/([a-z]{2})(?:\/|$)/;

// No page has this name, so under a locale it is answered by that locale's not-found page (app/[locale]/(site)/[...rest]).
const unknownPage = "not-found";

/** Whether every escape in the path decodes to UTF-8. */
function isReadable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

const cookieValue = (header: string | undefined) => new RegExp(`(?:^|;\\s*)${localeCookie}=([^;]*)`).exec(header ?? "")?.[1];

const yearSeconds = 365 * 24 * 60 * 60;

/**
 * The same address answers in different languages, so caches must keep them apart. Added as the
 * head is written, since Next.js sets a Vary of its own (replacing any set before it).
 */
function varyByLanguage(res: ServerResponse): void {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((...args: unknown[]) => {
    // Headers handed to writeHead (the page cache's copy of Next.js's) replace those set before it.
    const given = args.find((arg): arg is Record<string, unknown> => typeof arg === "object" && arg !== null && !Array.isArray(arg));
    const name = given && Object.keys(given).find((key) => key.toLowerCase() === "vary");
    const vary = [name ? given[name] : res.getHeader("vary"), "Accept-Language, Cookie"].filter(Boolean).join(", ");
    if (name) given[name] = vary;
    else res.setHeader("Vary", vary);
    return writeHead(...args);
  }) as ServerResponse["writeHead"];
}

/**
 * Serves `/`, `/p/<slug>` and the other public pages without a locale in the language the reader
 * wants: the one they chose before (cookie), else their browser's, else the campaign's own. The
 * request is rewritten to `/<locale>/…` in place, so the address people share stays as it is and
 * the page is the locale's own (one cached copy per locale). Visiting a page in a language
 * remembers the choice, as next-intl does.
 */
export async function routeToLocale(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const [asked = "/", query] = (req.url ?? "/").split("?", 2) as [string, string | undefined];
  // Next.js answers `/ar/` with a redirect to `/ar`: one more round trip before a phone paints. The address is answered in
  // place instead, and the page's canonical names it without the slash.
  const pathname = asked.replace(/(?<=.)\/+$/, "");
  if (pathname !== asked) req.url = `${pathname}${query === undefined ? "" : `?${query}`}`;
  const chosen = cookieValue(req.headers.cookie);
  if (!isReadable(pathname)) {
    // Next.js decodes each segment of a path and answers one it cannot (a broken escape such as
    // /p/%E0%A4%A) with a 400 rendered by pages/_error, which an App Router app does not have: so
    // a 500. A garbled address is one we cannot find: the reader's not-found page, in their language.
    const locale = prefixed.exec(pathname)?.[1];
    req.url = `/${isLocale(locale) ? locale : negotiateLocale({ cookie: chosen, acceptLanguage: req.headers["accept-language"] }, defaultLocale)}/${unknownPage}`;
    varyByLanguage(res);
    return;
  }
  const match = unprefixed.exec(pathname);
  delete req.headers[unprefixedHeader];
  if (match) {
    const fallback: Locale = match[1] ? await campaignLanguage(match[2]) : pathname === "/" ? await campaignLanguage() : defaultLocale;
    const locale = negotiateLocale({ cookie: chosen, acceptLanguage: req.headers["accept-language"] }, fallback);
    req.url = `/${locale}${pathname === "/" ? "" : pathname}${query === undefined ? "" : `?${query}`}`;
    req.headers[unprefixedHeader] = "1";
    varyByLanguage(res);
    return;
  }
  const locale = prefixed.exec(pathname)?.[1];
  const isPage = req.method === "GET" && !pathname.includes("/embed/");
  if (isPage && isLocale(locale) && chosen !== locale) {
    res.setHeader("Set-Cookie", `${localeCookie}=${locale}; Path=/; Max-Age=${yearSeconds}; SameSite=Lax`);
  }
}
