import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { config } from "@/lib/config";
import { confirmationLifetimeMs } from "@/lib/confirmation-secrets";
import { formattingLocale } from "@/lib/domain/locales";
import { mailRecordDays } from "@/lib/retention";
import { pageLocale } from "@/app/[locale]/_lib/page-locale";

// The retention period is a setting, so the page says what this site is set to.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/privacy">): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "Privacy" });
  return { title: t("title"), description: t("description") };
}

export default async function PrivacyPage({ params }: PageProps<"/[locale]/privacy">) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Privacy" });
  const number = new Intl.NumberFormat(formattingLocale(locale));
  // Each count goes in twice: as a number to choose the plural form, and written the page's way.
  const days = (value: number) => ({ value, shown: number.format(value) });
  const address = days(config().CLIENT_ADDRESS_RETENTION_DAYS);
  const confirmation = days(confirmationLifetimeMs / (24 * 60 * 60 * 1000));
  const sent = days(mailRecordDays.sent);
  const failed = days(mailRecordDays.failed);
  return (
    <main id="main" className="plain-page prose">
      <h1>{t("heading")}</h1>
      <h2>{t("storeHeading")}</h2>
      <p>{t("store")}</p>
      <h2>{t("whyHeading")}</h2>
      <p>{t("why")}</p>
      <h2>{t("whoHeading")}</h2>
      <p>{t("who")}</p>
      <h2>{t("emailsHeading")}</h2>
      <p>{t("emails")}</p>
      <h2>{t("keepHeading")}</h2>
      <ul>
        <li>{t("keepUnconfirmed", { days: confirmation.value, daysShown: confirmation.shown })}</li>
        <li>{t("keepAddress", { days: address.value, daysShown: address.shown })}</li>
        <li>{t("keepLimits")}</li>
        <li>{t("keepMail", { sent: sent.value, sentShown: sent.shown, failed: failed.value, failedShown: failed.shown })}</li>
        <li>{t("keepSignatures")}</li>
      </ul>
      <p>{t("daily")}</p>
      <h2>{t("choicesHeading")}</h2>
      <p>{t("choices")}</p>
      <p>
        <a href={`/${locale}`}>{t("back")}</a>
      </p>
    </main>
  );
}
