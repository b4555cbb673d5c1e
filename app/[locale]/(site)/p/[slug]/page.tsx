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

export default async function CampaignAtSlugPage({ params, searchParams }: PageProps<"/[locale]/p/[slug]">) {
  const [{ slug }, locale, query] = await Promise.all([params, pageLocale(params), searchParams]);
  return (
    <CampaignPage slug={slug} locale={locale} query={query}>
      <CampaignUpdates slug={slug} locale={locale} />
    </CampaignPage>
  );
}
