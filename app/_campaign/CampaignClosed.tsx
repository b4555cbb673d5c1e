import { getTranslations } from "next-intl/server";
import { formattingLocale, type Locale } from "@/lib/domain/locales";

/** Stands where the form was once a campaign has closed: the page and its count stay. */
export async function CampaignClosed({ closesAt, locale }: { closesAt: string; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "CampaignState" });
  const closedOn = new Intl.DateTimeFormat(formattingLocale(locale), { dateStyle: "long", timeZone: "UTC" }).format(new Date(closesAt));
  return (
    <p className="campaign-closed" role="status">
      {t("closedNotice", { closedOn })}
    </p>
  );
}
