import { getRequestConfig } from "next-intl/server";
import { defaultLocale, isLocale, type Locale } from "@/lib/domain/locales";
import { messagesFor } from "@/lib/i18n/messages";

/** next-intl's per-request setup: the locale comes from the page's [locale] segment. */
export default getRequestConfig(async ({ requestLocale }) => {
  const asked = await requestLocale;
  const locale: Locale = isLocale(asked) ? asked : defaultLocale;
  return { locale, messages: messagesFor(locale), timeZone: "UTC" };
});
