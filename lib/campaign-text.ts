import type { Locale } from "./domain/locales";
import type { Campaign, CampaignText, CampaignTitles } from "./domain/model";

/**
 * A campaign's text as a reader of `locale` is shown it: `language` is the language the text is
 * really in; `original` when that is the campaign's own, `translated` when a translation into the
 * asked locale exists. Neither means there is no translation yet, and the original is shown.
 */
export type LocalizedCampaignText = CampaignText & { language: Locale; translated: boolean; original: boolean };

export function campaignText(campaign: Campaign, locale: Locale): LocalizedCampaignText {
  const translation = locale === campaign.locale ? undefined : campaign.translations[locale];
  if (translation) return { ...translation, language: locale, translated: true, original: false };
  return {
    title: campaign.title,
    ask: campaign.ask,
    storyHeadline: campaign.storyHeadline,
    storyMarkdown: campaign.storyMarkdown,
    translationNote: null,
    language: campaign.locale,
    translated: false,
    original: locale === campaign.locale,
  };
}

/** The campaign's title for a reader of `locale`: its translation's, else the original's. */
export function localizedTitle(titles: Pick<CampaignTitles, "locale" | "title" | "translations">, locale: Locale): string {
  return (locale === titles.locale ? undefined : titles.translations[locale]) ?? titles.title;
}
