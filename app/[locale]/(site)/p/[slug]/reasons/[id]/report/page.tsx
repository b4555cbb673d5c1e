import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { campaignStanding } from "@/lib/campaign-status";
import { isPublished } from "@/lib/campaign-state";
import { shownReason } from "@/lib/reason-wall";
import { reportAction } from "@/app/_campaign/reason-actions";
import { ReportReasonForm } from "@/app/_campaign/ReportReasonForm";
import { pageLocale } from "@/app/[locale]/_lib/page-locale";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/p/[slug]/reasons/[id]/report">): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "ReportReason" });
  return { title: t("title"), robots: { index: false } };
}

/** Where a reason's report link leads: the reason again, and a button, so a stray click reports nothing. */
export default async function ReportReasonPage({ params }: PageProps<"/[locale]/p/[slug]/reasons/[id]/report">) {
  const [{ slug, id }, locale] = await Promise.all([params, pageLocale(params)]);
  const t = await getTranslations({ locale, namespace: "ReportReason" });
  const campaign = await campaignStanding(slug);
  const reasonId = /^\d{1,12}$/.test(id) ? Number(id) : undefined;
  const reason = campaign && isPublished(campaign) && reasonId !== undefined ? await shownReason(campaign.id, reasonId) : undefined;
  return (
    <main id="main" className="plain-page">
      <h1>{t("title")}</h1>
      {reason ? (
        <>
          <blockquote dir="auto" className="reason-text">
            {reason.text}
          </blockquote>
          <p>{t("intro")}</p>
          <ReportReasonForm action={reportAction.bind(null, slug)} reasonId={reason.id} />
        </>
      ) : (
        <p className="form-message" role="alert">
          {t("gone")}
        </p>
      )}
      <p>
        <a href={`/${locale}/p/${slug}#reasons`}>{t("back")}</a>
      </p>
    </main>
  );
}
