import { stores } from "./stores";
import { campaignTarget, embedSnippet, oembedRich, type OEmbedRich } from "./embed";
import { locales, type Locale } from "./domain/locales";
import { isPublished } from "./campaign-state";
import { homeCampaign } from "./campaign-status";
import { campaignText } from "./campaign-text";

/** The name oEmbed consumers show beside an embed. */
const providerName = "Countersign";

/**
 * The oEmbed answer for a page address, when it is one of this site's campaign pages (see
 * campaignTarget); the title is in the page's language, or the campaign's own for an address
 * that leaves the language to each reader.
 */
export async function campaignOEmbed(
  pageUrl: string,
  siteBase: string,
  size: { maxWidth?: number; maxHeight?: number } = {},
): Promise<OEmbedRich | undefined> {
  const target = campaignTarget(pageUrl, siteBase);
  if (!target) return undefined;
  const slug = target.slug ?? (await homeCampaign());
  const campaign = slug ? await stores().campaigns.findCampaign(slug) : undefined;
  // Drafts and campaigns taken down are described to no one.
  if (!campaign || !isPublished(campaign)) return undefined;
  const title = campaignText(campaign, target.locale ?? campaign.locale).title;
  return oembedRich({ siteBase, providerName, target: { slug: campaign.slug, locale: target.locale }, title, ...size });
}

/** A snippet for one language, or (locale undefined) for each reader's own. */
export type EmbedSnippet = { locale: Locale | undefined; snippet: string };

/**
 * The snippets organisers hand to partners: one that shows each reader the petition in their own
 * language (`locale` undefined), then one per language.
 */
export async function campaignSnippets(slug: string, siteBase: string): Promise<EmbedSnippet[]> {
  const campaign = await stores().campaigns.findCampaign(slug);
  if (!campaign) return [];
  return [undefined, ...locales].map((locale) => ({
    locale,
    snippet: embedSnippet({ siteBase, slug, locale, title: campaignText(campaign, locale ?? campaign.locale).title }),
  }));
}
