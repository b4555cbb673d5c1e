import { stores } from "@/lib/stores";
import { isPublished } from "../campaign-state";
import { parseStory } from "../story";

/** What the organisers' updates page shows: the campaign, who an update would reach now, and those sent. */
export async function updatesOverview(slug: string) {
  const campaign = await stores().campaigns.findCampaign(slug);
  if (!campaign) return undefined;
  const [recipients, updates] = await Promise.all([stores().updates.countUpdateRecipients(campaign.id), stores().updates.listUpdates(campaign.id)]);
  return { slug: campaign.slug, title: campaign.title, recipients, updates };
}

/**
 * The updates the organisers chose to show on the campaign's page, their Markdown as the story's
 * blocks; none unless the campaign is published, by the rule every public door keeps.
 */
export async function publicUpdates(slug: string) {
  const campaign = await stores().campaigns.findCampaign(slug);
  if (!campaign || !isPublished(campaign)) return [];
  return (await stores().updates.listPublicUpdates(campaign.id)).map((update) => ({ ...update, blocks: parseStory(update.bodyMarkdown) }));
}
