import { stores } from "./stores";
import { mailConfigured } from "./config";
import { latestSignatures } from "./signature-list";

const hourMs = 60 * 60 * 1000;

/**
 * What an organiser sees of one campaign: the counts (pending exact, unlike the public's rounded
 * figure), the bot trap's catches, today's and the last hour's signatures, and the latest rows for
 * one whose role may see who signed (`latest` of them; none for others).
 */
export async function campaignDashboard(slug: string, now = new Date(), latest = 0) {
  const campaign = await stores().campaigns.readCampaignStanding(slug);
  if (!campaign) return undefined;
  const startOfDay = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const [today, lastHour, suspected, signatures] = await Promise.all([
    stores().signatures.countSignaturesSince(campaign.id, startOfDay),
    stores().signatures.countSignaturesSince(campaign.id, new Date(now.getTime() - hourMs)),
    stores().moderation.countMatchingSignatures({ campaignId: campaign.id, suspected: true }),
    latest > 0 ? latestSignatures(campaign.id, latest) : [],
  ]);
  return {
    slug: campaign.slug,
    title: campaign.title,
    goal: campaign.goal,
    signaturesHere: campaign.signatureCount,
    signaturesPending: campaign.pendingCount,
    signaturesElsewhere: campaign.signaturesElsewhere,
    total: campaign.signatureCount + campaign.signaturesElsewhere,
    requireConfirmation: campaign.requireConfirmation,
    today,
    lastHour,
    suspected,
    signatures,
  };
}

/** Whether mail can go out at all, what waits to be sent, and what has failed. */
export async function mailStatus(limit = 20) {
  if (!mailConfigured()) return { configured: false as const };
  const [unsent, problems] = await Promise.all([stores().mail.countUnsentMail(), stores().mail.listMailProblems(limit)]);
  return { configured: true as const, unsent, problems };
}
