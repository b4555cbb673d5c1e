import { stores } from "./stores";
import { defaultLocale, type Locale } from "./domain/locales";
import { homeCampaign } from "./campaign-status";
import { shortLived } from "./short-lived";

// Read for every visit to `/` and `/p/<slug>`, so kept for a few seconds: an organiser's change
// of a campaign's language or state made in another process reaches readers within that.
const languageOf = shortLived("campaign-language", 5_000, async (slug: string | undefined): Promise<Locale> => {
  const found = slug ?? (await homeCampaign());
  const campaign = found ? await stores().campaigns.findCampaign(found) : undefined;
  // A campaign readers may not see must not show through the language they are answered in.
  return campaign?.state === "published" ? campaign.locale : defaultLocale;
});

/** Drops what this process remembers, when an organiser here changed a campaign. */
export function forgetCampaignLanguages(): void {
  languageOf.forget();
}

/** The language a campaign was written in (the home campaign's when no slug is given). */
export function campaignLanguage(slug?: string): Promise<Locale> {
  return languageOf.get(slug);
}
