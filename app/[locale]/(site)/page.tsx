import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { homeCampaign } from "@/lib/campaign-status";
import { CampaignPage } from "@/app/_campaign/CampaignPage";
import { campaignMetadata } from "@/app/_campaign/load";
import { pageLocale } from "@/app/[locale]/_lib/page-locale";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]">): Promise<Metadata> {
  const [slug, locale] = await Promise.all([homeCampaign(), pageLocale(params)]);
  return slug ? campaignMetadata(slug, locale, "") : {};
}

export default async function Home({ params, searchParams }: PageProps<"/[locale]">) {
  const [slug, locale, query] = await Promise.all([homeCampaign(), pageLocale(params), searchParams]);
  if (!slug) notFound();
  return <CampaignPage slug={slug} locale={locale} query={query} />;
}
