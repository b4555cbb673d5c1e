"use client";

import { usePathname } from "next/navigation";
import { localeNames, locales, type Locale } from "@/lib/domain/locales";
import { localizedPath } from "@/lib/localized-path";

/**
 * Links to this page in every other language. The path is the browser's own: `/p/<slug>` (served
 * in a negotiated language) and `/en/p/<slug>` both lead to `/ar/p/<slug>`.
 */
export function LanguageSwitch({ current, label }: { current: Locale; label: string }) {
  const pathname = usePathname();
  return (
    <nav className="language-switch" aria-label={label}>
      <ul>
        {locales
          .filter((locale) => locale !== current)
          .map((locale) => (
            <li key={locale}>
              <a href={localizedPath(pathname, locale)} hrefLang={locale} lang={locale}>
                {localeNames[locale]}
              </a>
            </li>
          ))}
      </ul>
    </nav>
  );
}
