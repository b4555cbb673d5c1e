import { stores } from "./stores";
import { shortLived } from "./short-lived";

/**
 * A campaign's title and settings, as signing needs them, read at most once a second per
 * campaign: a surge of signatures then costs one database round trip each (the insert), not two.
 * A change of settings made in another process reaches signing within the second; one made here
 * at once (forget).
 */
export const campaignForSigning = shortLived("campaign-for-signing", 1_000, (slug: string) => stores().campaigns.readCampaignStanding(slug));

/**
 * A campaign's title in each of its languages, read at most once a second per campaign: what
 * every email to a signer names the campaign by, in the signer's language.
 */
export const campaignTitles = shortLived("campaign-titles", 1_000, (slug: string) => stores().campaigns.readCampaignTitles(slug));
