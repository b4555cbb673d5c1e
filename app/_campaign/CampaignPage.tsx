import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { issueFormToken } from "@/lib/bot-checks";
import type { Locale } from "@/lib/domain/locales";
import { absoluteUrl, requestLocale } from "../_lib/request";
import { CampaignView } from "./CampaignView";
import { TakenDown } from "./TakenDown";
import { loadCampaign } from "./load";
import { reasonPage, reasonPageQuery } from "@/lib/reason-wall";

/**
 * A campaign's page in `locale`; its share links always name the campaign's own address. `children`
 * follow the campaign only while it is published, so a draft or a taken-down page shows none of them.
 */
export async function CampaignPage({ slug, locale, query = {}, children }: { slug: string; locale: Locale; query?: Record<string, unknown>; children?: ReactNode }) {
  const found = await loadCampaign(slug);
  // A draft is the organisers' alone (they see it at /admin/petitions/<slug>/preview).
  if (!found || found.campaign.state === "draft") notFound();
  if (found.campaign.state === "unpublished") return <TakenDown locale={locale} />;
  const { reasons: order, page } = reasonPageQuery.parse(query);
  return (
    <>
      <CampaignView
        campaign={found.campaign}
        snapshot={found.snapshot}
        renderedAt={found.renderedAt}
        formToken={issueFormToken(found.renderedAt)}
        locale={locale}
        readerLocale={await requestLocale()}
        pageUrl={await absoluteUrl(`/${locale}/p/${slug}`)}
        reasons={await reasonPage(found.campaign.id, order, page)}
      />
      {children}
    </>
  );
}
