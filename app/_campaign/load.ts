import type { Metadata } from "next";
import { cache } from "react";
import { campaign } from "@/lib/petitions";

/** One read per request, shared by the page and its metadata. */
export const loadCampaign = cache(campaign);

export async function campaignMetadata(slug: string): Promise<Metadata> {
  const found = await loadCampaign(slug);
  if (!found) return { title: "Petition not found" };
  const { title, ask } = found.petition;
  return { title, description: ask, openGraph: { title, description: ask, type: "article" } };
}
