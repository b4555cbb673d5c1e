import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { clientMessagesFor } from "@/lib/i18n/messages";
import { isLocale, textDirection } from "@/lib/domain/locales";

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1d1a16" };

// Every page is rendered per request: the CSP nonce (see proxy.ts) is new each time, and a
// prerendered page would carry scripts without it.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: LayoutProps<"/[locale]">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "Site" });
  return {
    title: { default: t("name"), template: t("titleTemplate", { title: "%s" }) },
    description: t("tagline"),
  };
}

/** The document in the reader's language: its lang and direction, and the messages for client components. */
export default async function LocaleLayout({ children, params }: LayoutProps<"/[locale]">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return (
    <html lang={locale} dir={textDirection(locale)}>
      <body>
        {/* Named outright rather than read from the request, which a segment may read before it is set. */}
        <NextIntlClientProvider locale={locale} messages={clientMessagesFor(locale)} timeZone="UTC">
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
