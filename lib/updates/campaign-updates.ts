import { countUpdateRecipients, findPetition, listPublicUpdates, listUpdates } from "@/db/store";
import { isPublished } from "../campaign-state";
import { parseStory } from "../story";

/** What the organisers' updates page shows: the campaign, who an update would reach now, and those sent. */
export async function updatesOverview(slug: string) {
  const petition = await findPetition(slug);
  if (!petition) return undefined;
  const [recipients, updates] = await Promise.all([countUpdateRecipients(petition.id), listUpdates(petition.id)]);
  return { slug: petition.slug, title: petition.title, recipients, updates };
}

/**
 * The updates the organisers chose to show on the campaign's page, their Markdown as the story's
 * blocks; none unless the campaign is published, by the rule every public door keeps.
 */
export async function publicUpdates(slug: string) {
  const petition = await findPetition(slug);
  if (!petition || !isPublished(petition)) return [];
  return (await listPublicUpdates(petition.id)).map((update) => ({ ...update, blocks: parseStory(update.bodyMarkdown) }));
}
