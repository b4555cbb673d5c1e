import type { CampaignState, Campaign } from "./domain/model";

// What readers may see of a campaign, and whether it takes signatures: pure, for every door alike
// (pages, the JSON API, the embed, share cards, oEmbed, signing).

/** Only a published campaign is shown to readers; a draft is not found, an unpublished one taken down. */
export const isPublished = (campaign: { state: CampaignState }) => campaign.state === "published";

/** Whether a campaign refuses new signatures at `now`: its closing time has come. */
export const isClosed = (campaign: Pick<Campaign, "closesAt">, now = new Date()) =>
  campaign.closesAt !== null && campaign.closesAt.getTime() <= now.getTime();
