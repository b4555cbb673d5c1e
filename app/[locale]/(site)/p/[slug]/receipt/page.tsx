import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { campaignStatus } from "@/lib/campaign-status";
import { countCheck } from "@/lib/count-log/count-check";
import { messagesFor } from "@/lib/i18n/messages";
import { absoluteUrl } from "@/app/_lib/request";
import { pageLocale } from "@/app/[locale]/_lib/page-locale";
import { ReceiptCheck } from "./ReceiptCheck";
import { WholeCount } from "./WholeCount";

export const dynamic = "force-dynamic";

// A receipt page is for its signer and for checkers, not for search engines.
export async function generateMetadata({ params }: PageProps<"/[locale]/p/[slug]/receipt">): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "Receipt" });
  return { title: t("title"), robots: { index: false } };
}

/**
 * "Check this count": a signer checks their own entry in the campaign's public log (in the
 * browser, from the salt after the # that the server never sees), and anyone reads the log's
 * last signed checkpoint and how to verify all of it.
 */
export default async function ReceiptPage({ params }: PageProps<"/[locale]/p/[slug]/receipt">) {
  const [{ slug }, locale] = await Promise.all([params, pageLocale(params)]);
  const check = await countCheck(slug);
  if (!check) notFound();
  const [t, status, site] = await Promise.all([getTranslations({ locale, namespace: "Receipt" }), campaignStatus(slug, locale), absoluteUrl("")]);
  return (
    <main id="main" className="plain-page receipt-page">
      <h1>{t("title")}</h1>
      <p>{t.rich("intro", { title: status?.title ?? slug, link: (chunks) => <a href={`/${locale}/p/${slug}`}>{chunks}</a> })}</p>

      <section aria-labelledby="receipt-yours">
        <h2 id="receipt-yours">{t("yoursHeading")}</h2>
        <noscript>
          <p className="notice">{t("noScript")}</p>
        </noscript>
        {/* The browser is sent this page's own messages only here: other pages ship none of them. */}
        <NextIntlClientProvider locale={locale} messages={{ Receipt: messagesFor(locale).Receipt }}>
          <ReceiptCheck logPath={check.logPath} slug={slug} locale={locale} />
        </NextIntlClientProvider>
      </section>

      <WholeCount check={check} slug={slug} site={site} locale={locale} total={status?.total ?? check.count} elsewhere={status?.signaturesElsewhere ?? 0} />
    </main>
  );
}
