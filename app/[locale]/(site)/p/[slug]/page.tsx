import type { Metadata } from "next";
import { CampaignPage } from "@/app/_campaign/CampaignPage";
import { CampaignUpdates } from "@/app/_campaign/CampaignUpdates";
import { campaignMetadata } from "@/app/_campaign/load";
import { pageLocale } from "@/app/[locale]/_lib/page-locale";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/p/[slug]">): Promise<Metadata> {
  const [{ slug }, locale] = await Promise.all([params, pageLocale(params)]);
  return campaignMetadata(slug, locale, `/p/${slug}`);
}

export default async function CampaignAtSlugPage({ params }: PageProps<"/[locale]/p/[slug]">) {
  const [{ slug }, locale] = await Promise.all([params, pageLocale(params)]);
  return (
    <CampaignPage slug={slug} locale={locale}>
      <CampaignUpdates slug={slug} locale={locale} />
    </CampaignPage>
  );
}
