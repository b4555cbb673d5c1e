import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { CampaignView } from "@/app/_campaign/CampaignView";
import { loadCampaign } from "@/app/_campaign/load";
import { absoluteUrl } from "@/app/_lib/request";
import { issueFormToken } from "@/lib/bot-checks";
import { reasonPage } from "@/lib/reason-wall";
import { clientMessagesFor } from "@/lib/i18n/messages";
import { isLocale, localeNames, locales, textDirection } from "@/lib/domain/locales";
import { can } from "@/lib/domain/roles";
import { requireRole } from "../../../_lib/session";
import { stateNames } from "../../_campaign/StateControls";

export const metadata: Metadata = { title: "Preview", robots: { index: false } };
export const dynamic = "force-dynamic";

/**
 * A campaign's page as readers will see it (or saw it), in any state, for organisers only. Here in
 * the admin, behind its sign-in, rather than on the public page for signed-in organisers: the
 * public page stays one copy per locale for everyone, which its micro-cache relies on.
 */
export default async function CampaignPreview({ params, searchParams }: PageProps<"/admin/petitions/[slug]/preview">) {
  const organiser = await requireRole("view-dashboard");
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const found = await loadCampaign(slug);
  if (!found) notFound();
  // Signers who chose to be listed are public only while the campaign is; a role that may not see
  // who signed sees no more than the public does.
  const listed = can(organiser.role, "view-signers") || found.campaign.state === "published";
  const snapshot = listed ? found.snapshot : { ...found.snapshot, recentSigners: [], reasons: { newest: [], gone: [] } };
  const reasons = listed ? await reasonPage(found.campaign.id, "newest", 1) : { reasons: [], order: "newest" as const, page: 1, hasMore: false, total: 0 };
  const locale = isLocale(query.lang) ? query.lang : found.campaign.locale;
  return (
    <div lang={locale} dir={textDirection(locale)}>
      <p className="preview-banner" role="note">
        Preview · {stateNames[found.campaign.state]} · signing is off here ·{" "}
        {locales.map((l) => (
          <span key={l}>
            <a href={`?lang=${l}`} lang={l} aria-current={l === locale ? "page" : undefined}>
              {localeNames[l]}
            </a>{" "}
            ·{" "}
          </span>
        ))}
        <a href={`/admin/petitions/${slug}/edit`}>Back to editing</a>
      </p>
      <NextIntlClientProvider locale={locale} messages={clientMessagesFor(locale)} timeZone="UTC">
        <CampaignView
          campaign={found.campaign}
          snapshot={snapshot}
          renderedAt={found.renderedAt}
          formToken={issueFormToken(found.renderedAt)}
          locale={locale}
          readerLocale={locale}
          pageUrl={await absoluteUrl(`/${locale}/p/${slug}`)}
          reasons={reasons}
        />
      </NextIntlClientProvider>
    </div>
  );
}
