import { stores } from "./stores";
import { mailConfigured } from "./config";
import type { MailProblem } from "./domain/model";
import { can, type Role } from "./domain/roles";
import { logStanding } from "./count-log/count-check";
import { latestSignatures } from "./signature-list";

const hourMs = 60 * 60 * 1000;
const dayMs = 24 * hourMs;

/**
 * What an organiser sees of one campaign: the counts (pending exact, unlike the public's rounded
 * figure), the bot trap's catches, today's and the last hour's signatures, and the latest rows for
 * one whose role may see who signed (`latest` of them; none for others), and how far the count log is behind the count.
 */
export async function campaignDashboard(slug: string, now = new Date(), latest = 0) {
  const campaign = await stores().campaigns.readCampaignStanding(slug);
  if (!campaign) return undefined;
  const startOfDay = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const [todayBucket, lastHour, suspected, signatures, log] = await Promise.all([
    // Today's from the kept figures, which a day of millions does not slow; the last hour is a short walk of the index.
    stores().charts.signatureTimeSeries(campaign.id, { unit: "day", from: startOfDay, to: new Date(startOfDay.getTime() + dayMs) }),
    stores().signatures.countSignaturesSince(campaign.id, new Date(now.getTime() - hourMs)),
    stores().moderation.countMatchingSignatures({ campaignId: campaign.id, suspected: true }),
    latest > 0 ? latestSignatures(campaign.id, latest) : [],
    logStanding(campaign.id),
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
    today: todayBucket[0]?.confirmed ?? 0,
    lastHour,
    suspected,
    signatures,
    log,
  };
}

/** What every organiser sees of a message that has not gone out: when, what kind, how often tried. */
export type MailProblemSeen = Pick<MailProblem, "id" | "kind" | "attempts" | "nextAttemptAt" | "failedAt" | "createdAt">;

/**
 * The problems, with whom each was for and the server's answer only for a role that may see who
 * signed: a bounce is a signer's address, and the answer usually quotes it.
 */
export type MailProblems = { recipients: "shown"; problems: MailProblem[] } | { recipients: "hidden"; problems: MailProblemSeen[] };

const withoutRecipient = ({ id, kind, attempts, nextAttemptAt, failedAt, createdAt }: MailProblem): MailProblemSeen => ({
  id,
  kind,
  attempts,
  nextAttemptAt,
  failedAt,
  createdAt,
});

/** Whether mail can go out at all, what waits to be sent, and what has failed, as `role` may see it. */
export async function mailStatus(role: Role, limit = 20): Promise<{ configured: false } | ({ configured: true; unsent: number } & MailProblems)> {
  if (!mailConfigured()) return { configured: false };
  const [unsent, problems] = await Promise.all([stores().mail.countUnsentMail(), stores().mail.listMailProblems(limit)]);
  return can(role, "view-signers")
    ? { configured: true, unsent, recipients: "shown", problems }
    : { configured: true, unsent, recipients: "hidden", problems: problems.map(withoutRecipient) };
}
