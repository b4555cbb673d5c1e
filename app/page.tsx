import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { homePetition } from "@/lib/petitions";
import { CampaignPage } from "./_campaign/CampaignPage";
import { campaignMetadata } from "./_campaign/load";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const slug = await homePetition();
  return slug ? campaignMetadata(slug) : {};
}

export default async function Home() {
  const slug = await homePetition();
  if (!slug) notFound();
  return <CampaignPage slug={slug} path="/" />;
}
