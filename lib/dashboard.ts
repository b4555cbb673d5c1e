import {
  countMatchingSignatures,
  countSignaturesSince,
  countUnsentMail,
  listMailProblems,
  readPetitionCount,
} from "@/db/store";
import { mailConfigured } from "./config";
import { latestSignatures } from "./signature-list";

const hourMs = 60 * 60 * 1000;

/**
 * What an organiser sees of one campaign: the counts (pending exact, unlike the public's rounded
 * figure), the bot trap's catches, today's and the last hour's signatures, and the latest rows for
 * one whose role may see who signed (`latest` of them; none for others).
 */
export async function campaignDashboard(slug: string, now = new Date(), latest = 0) {
  const petition = await readPetitionCount(slug);
  if (!petition) return undefined;
  const startOfDay = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const [today, lastHour, suspected, signatures] = await Promise.all([
    countSignaturesSince(petition.id, startOfDay),
    countSignaturesSince(petition.id, new Date(now.getTime() - hourMs)),
    countMatchingSignatures({ petitionId: petition.id, suspected: true }),
    latest > 0 ? latestSignatures(petition.id, latest) : [],
  ]);
  return {
    slug: petition.slug,
    title: petition.title,
    goal: petition.goal,
    signaturesHere: petition.signatureCount,
    signaturesPending: petition.pendingCount,
    signaturesElsewhere: petition.signaturesElsewhere,
    total: petition.signatureCount + petition.signaturesElsewhere,
    requireConfirmation: petition.requireConfirmation,
    today,
    lastHour,
    suspected,
    signatures,
  };
}

/** Whether mail can go out at all, what waits to be sent, and what has failed. */
export async function mailStatus(limit = 20) {
  if (!mailConfigured()) return { configured: false as const };
  const [unsent, problems] = await Promise.all([countUnsentMail(), listMailProblems(limit)]);
  return { configured: true as const, unsent, problems };
}
