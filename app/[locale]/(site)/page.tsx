import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { homePetition } from "@/lib/petitions";
import { CampaignPage } from "@/app/_campaign/CampaignPage";
import { campaignMetadata } from "@/app/_campaign/load";
import { pageLocale } from "@/app/[locale]/_lib/page-locale";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]">): Promise<Metadata> {
  const [slug, locale] = await Promise.all([homePetition(), pageLocale(params)]);
  return slug ? campaignMetadata(slug, locale, "") : {};
}

export default async function Home({ params }: PageProps<"/[locale]">) {
  const [slug, locale] = await Promise.all([homePetition(), pageLocale(params)]);
  if (!slug) notFound();
  return <CampaignPage slug={slug} locale={locale} />;
}
