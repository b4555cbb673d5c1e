import { isLocale, type Locale } from "./domain/locales";

/** The path without its leading locale segment, if it has one: `/ar/p/x` and `/p/x` give `/p/x`. */
export function unlocalizedPath(pathname: string): string {
  const [, first, ...rest] = pathname.split("/");
  return isLocale(first) ? `/${rest.join("/")}` : pathname;
}

/** The same page in `locale`: `/p/x` → `/ar/p/x`, `/en` → `/ar`. */
export function localizedPath(pathname: string, locale: Locale): string {
  const rest = unlocalizedPath(pathname);
  return rest === "/" ? `/${locale}` : `/${locale}${rest}`;
}
