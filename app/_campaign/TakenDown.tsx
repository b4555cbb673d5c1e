import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/domain/locales";

/**
 * What readers find where an unpublished campaign was: a kind word, not an error. The server
 * answers it with 410 Gone (server/taken-down.ts), so search engines drop the page.
 */
export async function TakenDown({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "CampaignState" });
  return (
    <main id="main" className="plain-page">
      <h1>{t("takenDownTitle")}</h1>
      <p>{t("takenDownBody")}</p>
    </main>
  );
}
