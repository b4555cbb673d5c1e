import type { Metadata } from "next";
import { cache } from "react";
import { campaign } from "@/lib/petitions";

/** One read per request, shared by the page and its metadata; stamped with the server's clock for relative times. */
export const loadCampaign = cache(async (slug: string) => {
  const found = await campaign(slug);
  return found && { ...found, renderedAt: Date.now() };
});

export async function campaignMetadata(slug: string): Promise<Metadata> {
  const found = await loadCampaign(slug);
  if (!found) return { title: "Petition not found" };
  const { title, ask } = found.petition;
  return { title, description: ask, openGraph: { title, description: ask, type: "article" } };
}
