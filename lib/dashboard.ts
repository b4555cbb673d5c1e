import { countSignaturesSince, listLatestSignatures, readPetitionCount } from "@/db/store";

const hourMs = 60 * 60 * 1000;

/** What an organiser sees of one campaign: the count, today's and the last hour's signatures, the latest rows. */
export async function campaignDashboard(slug: string, now = new Date(), latest = 25) {
  const petition = await readPetitionCount(slug);
  if (!petition) return undefined;
  const startOfDay = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const [today, lastHour, signatures] = await Promise.all([
    countSignaturesSince(petition.id, startOfDay),
    countSignaturesSince(petition.id, new Date(now.getTime() - hourMs)),
    listLatestSignatures(petition.id, latest),
  ]);
  return {
    slug: petition.slug,
    title: petition.title,
    goal: petition.goal,
    signaturesHere: petition.signatureCount,
    signaturesElsewhere: petition.signaturesElsewhere,
    total: petition.signatureCount + petition.signaturesElsewhere,
    today,
    lastHour,
    signatures,
  };
}
