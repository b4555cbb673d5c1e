import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";

/**
 * The languages the public pages and signers' emails speak. Adding one is a messages file
 * (messages/<locale>.json), its entry here, and the campaign's text (content/<slug>.<locale>.md).
 */
export const locales = ["en", "ar"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

/** Each locale's own name, for the language switch (always written in that language). */
export const localeNames: Record<Locale, string> = { en: "English", ar: "العربية" };

const rightToLeft = new Set<string>(["ar", "fa", "he", "ur"]);

// Named outright so that Node's ICU and every browser format the same digits: a page rendered
// on the server and hydrated in the browser must agree to the character.
const numberingSystems: Record<Locale, string> = { en: "latn", ar: "arab" };

/** The cookie that remembers a reader's language choice (next-intl's name for it). */
export const localeCookie = "NEXT_LOCALE";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export function textDirection(locale: Locale): "ltr" | "rtl" {
  return rightToLeft.has(locale) ? "rtl" : "ltr";
}

/** The tag to format numbers and dates with: the locale with its numbering system stated. */
export function formattingLocale(locale: Locale): string {
  return `${locale}-u-nu-${numberingSystems[locale]}`;
}

/**
 * The language for a reader who asked for no particular one (`/`, `/p/<slug>`): the language
 * they chose before (the cookie), else the best match for their browser's Accept-Language, else
 * the campaign's own language.
 */
export function negotiateLocale(request: { cookie?: string; acceptLanguage?: string }, fallback: Locale): Locale {
  if (isLocale(request.cookie)) return request.cookie;
  const asked = new Negotiator({ headers: { "accept-language": request.acceptLanguage ?? "" } }).languages();
  try {
    const best = match(asked, locales, fallback);
    return isLocale(best) ? best : fallback;
  } catch {
    // A malformed tag in the header: nothing usable was asked for.
    return fallback;
  }
}
