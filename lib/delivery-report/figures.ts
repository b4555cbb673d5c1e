import { stores } from "@/lib/stores";
import { figureLoaders } from "../campaign-figures";
import { rankCountries } from "../charts/country-ranking";
import { campaignText } from "../campaign-text";
import { countCheck } from "../count-log/count-check";

/**
 * Everything the delivery report says of a campaign but its signers' names, or undefined when
 * there is no such campaign. The total is the public page's: confirmed here plus gathered
 * elsewhere. The charts' figures are the dashboard's own (lib/campaign-figures.ts).
 */
export async function deliveryFigures(slug: string, now: Date) {
  const [campaign, count] = await Promise.all([stores().campaigns.findCampaign(slug), stores().campaigns.readCampaignStanding(slug)]);
  if (!campaign || !count) return undefined;
  const [verification, countries, perDay, log] = await Promise.all([
    stores().charts.countVerification(count.id),
    figureLoaders.countries(count.id),
    figureLoaders.perDay(count.id, now),
    countCheck(slug),
  ]);
  return {
    campaignId: count.id,
    slug: count.slug,
    // The campaign's words in the language it was written in: what the signers signed.
    text: campaignText(campaign, campaign.locale),
    goal: count.goal,
    total: count.signatureCount + count.signaturesElsewhere,
    signaturesHere: count.signatureCount,
    signaturesElsewhere: count.signaturesElsewhere,
    pending: count.pendingCount,
    verification,
    countries,
    ranking: rankCountries(countries),
    perDay,
    // The count log's last signed checkpoint, which anyone can check the count against; none while unpublished.
    log,
    generatedAt: now,
  };
}

export type DeliveryFigures = NonNullable<Awaited<ReturnType<typeof deliveryFigures>>>;
