import type { Metadata } from "next";
import { CampaignPage } from "../../_campaign/CampaignPage";
import { campaignMetadata } from "../../_campaign/load";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/p/[slug]">): Promise<Metadata> {
  return campaignMetadata((await params).slug);
}

export default async function PetitionPage({ params }: PageProps<"/p/[slug]">) {
  const { slug } = await params;
  return <CampaignPage slug={slug} path={`/p/${slug}`} />;
}
