import { campaignForSigning } from "../campaign-for-signing";
import { isPublished } from "../campaign-state";
import { stores } from "../stores";
import { emptyTreeHash } from "./merkle";
import { logOrigin, signedCheckpoint } from "./signing";

/** What the "Check this count" page states of a campaign's log: its last signed checkpoint, beside the count it shows. */
export type CountCheck = {
  /** The path the log's files are under (/log/<slug>), for the receipt check and the verifier. */
  logPath: string;
  origin: string;
  /** Entries in the last checkpoint, and the count after the last of them. */
  size: number;
  count: number;
  /** The checkpoint's root hash, base64, as the checkpoint writes it. */
  rootHash: string;
  checkpoint: string;
  checkpointAt: Date | null;
};

export async function countCheck(slug: string): Promise<CountCheck | undefined> {
  const campaign = await campaignForSigning.get(slug);
  if (!campaign || !isPublished(campaign)) return undefined;
  const log = await stores().countLog.readLog(campaign.id);
  const logPath = `/log/${slug}`;
  if (!log) {
    const origin = logOrigin(slug);
    return { logPath, origin, size: 0, count: 0, rootHash: emptyTreeHash.toString("base64"), checkpoint: signedCheckpoint(origin, 0, emptyTreeHash), checkpointAt: null };
  }
  const rootHash = log.checkpoint.split("\n")[2] ?? "";
  return { logPath, origin: log.origin, size: log.size, count: log.count, rootHash, checkpoint: log.checkpoint, checkpointAt: log.sequencedAt };
}

/** The log as the dashboard shows it: how far it is behind the count (entries waiting, and since when it last moved). */
export async function logStanding(campaignId: number): Promise<{ size: number; count: number; waiting: number; checkpointAt: Date | null }> {
  const [log, waiting] = await Promise.all([stores().countLog.readLog(campaignId), stores().countLog.countWaiting(campaignId)]);
  return { size: log?.size ?? 0, count: log?.count ?? 0, waiting, checkpointAt: log?.sequencedAt ?? null };
}
