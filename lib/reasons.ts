import { stores } from "./stores";
import { z } from "zod";
import { recordAudit } from "./audit";
import { addressNetwork } from "./client-address";
import { config } from "./config";
import { isPublished } from "./campaign-state";
import { campaignForSigning } from "./campaign-for-signing";
import type { LimitCharge, InsertExtras } from "./domain/ports/signatures";
import { reasonModerations, type ReasonDecision, type ReasonMarkKind, type ReasonSettings } from "./domain/reasons";
import { liveHub } from "./live-hub";
import { publicReason } from "./reason-wall";
import { blockedWordIn, parseWordList } from "./reason-words";
import { secretKey } from "./secrets";
import { shortLived } from "./short-lived";
import { hmac } from "./tokens";

/** A campaign's moderation, read at most once a second: it is asked on every signature with a reason. */
const settingsOf = shortLived("reason-settings", 1_000, (campaignId: number) => stores().reasons.readReasonSettings(campaignId));

/**
 * The reason a signer's comment makes, in the state the campaign's moderation gives it: waiting for an organiser, or (when
 * readers moderate by reporting) shown at once unless it holds one of the organisers' words.
 */
export async function newReason(campaignId: number, comment: string | undefined, withName: boolean): Promise<InsertExtras["reason"]> {
  if (!comment) return undefined;
  const settings = await settingsOf.get(campaignId);
  const held = settings.moderation === "approve" || blockedWordIn(comment, settings.blockedWords) !== undefined;
  return { text: comment, shownAs: withName ? "name" : "country", state: held ? "waiting" : "shown" };
}

/** The mark a reader leaves on a reason: keyed by a secret, so the database holds nothing that says who, or links two marks. */
export function readerMark(readerId: string, reasonId: number, kind: ReasonMarkKind): string {
  return hmac(secretKey("reason-mark"), `${kind}:${reasonId}:${readerId}`).slice(0, 40);
}

/** Readers' marks count against the signing limits' budget per client network, under keys of their own. */
function markLimits(kind: ReasonMarkKind, clientAddress: string | undefined): LimitCharge[] {
  const settings = config();
  if (settings.SIGN_LIMIT_PER_ADDRESS === 0 || !clientAddress) return [];
  return [{ key: `reason-${kind}:${addressNetwork(clientAddress)}`, points: settings.SIGN_LIMIT_PER_ADDRESS, windowMs: settings.SIGN_LIMIT_WINDOW_MINUTES * 60_000 }];
}

export type MarkResult = "counted" | "repeat" | "unknown" | "rate-limited";

/** A reader agrees with a reason, or reports it: once per reader; with report moderation, enough reports hold it. */
export async function markReason(slug: string, reasonId: number, kind: ReasonMarkKind, readerId: string, clientAddress?: string, now = new Date()): Promise<MarkResult> {
  const campaign = await campaignForSigning.get(slug);
  if (!campaign || !isPublished(campaign)) return "unknown";
  const settings = await settingsOf.get(campaign.id);
  const holdAfter = kind === "report" && settings.moderation === "report" ? settings.reportLimit : undefined;
  const outcome = await stores().reasons.markReason(campaign.id, reasonId, kind, readerMark(readerId, reasonId, kind), markLimits(kind, clientAddress), holdAfter, now);
  if (outcome.kind === "limited") return "rate-limited";
  if (outcome.kind === "counted" && outcome.held) liveHub().notify(slug);
  return outcome.kind;
}

export const reasonSettingsInput = z.object({
  moderation: z.enum(reasonModerations, { error: "Choose how reasons are moderated." }),
  reportLimit: z.coerce
    .number({ error: "Enter how many reports hold a reason, from 1 to 100." })
    .int("Enter a whole number of reports, from 1 to 100.")
    .min(1, "Enter how many reports hold a reason, from 1 to 100.")
    .max(100, "Enter how many reports hold a reason, from 1 to 100."),
  blockedWords: z
    .string()
    .max(10_000, "Keep the list of words under 10,000 characters.")
    .transform(parseWordList),
});

export async function readReasonSettings(campaignId: number): Promise<ReasonSettings> {
  return stores().reasons.readReasonSettings(campaignId);
}

export async function saveReasonSettings(slug: string, campaignId: number, settings: ReasonSettings, actor: string): Promise<void> {
  await stores().reasons.saveReasonSettings(campaignId, settings);
  settingsOf.forget();
  const detail = `reasons ${settings.moderation === "approve" ? "shown once approved" : `shown at once, held after ${settings.reportLimit} reports`}; ${settings.blockedWords.length} blocked words`;
  await recordAudit({ actor, action: "reason-settings", campaignSlug: slug, detail, rowCount: 0 });
}

export const reasonDecisionInput = z.object({
  decision: z.enum(["approve", "hide", "hide-and-invalidate"], { error: "Choose approve, hide, or hide and invalidate." }),
  ids: z.array(z.coerce.number().int().positive()).min(1, "Tick at least one reason.").max(500),
});

/**
 * An organiser's decision on reasons, in bulk: approved ones are shown (their signature counting), hidden ones leave every
 * open page at once; hiding and invalidating also takes their signatures off the count. Audited with how many.
 */
export async function decideReasons(slug: string, campaignId: number, ids: readonly number[], decision: ReasonDecision, actor: string, now = new Date()): Promise<number> {
  const signatureIds = await stores().reasons.decideReasons(campaignId, slug, ids, decision === "approve" ? "shown" : "hidden", now);
  let invalidated = 0;
  if (decision === "hide-and-invalidate" && signatureIds.length > 0) {
    invalidated = await stores().moderation.invalidateSignatures({ campaignId, signatureIds }, now);
  }
  const detail =
    decision === "approve"
      ? `approved ${signatureIds.length} reasons`
      : decision === "hide"
        ? `hid ${signatureIds.length} reasons`
        : `hid ${signatureIds.length} reasons and invalidated ${invalidated} signatures`;
  await recordAudit({ actor, action: `reason-${decision}`, campaignSlug: slug, detail, rowCount: signatureIds.length });
  liveHub().notify(slug);
  return signatureIds.length;
}

/** The organisers' queue: what waits (held by moderation, reports or words), or what is shown or hidden. */
export async function reasonQueue(campaignId: number, view: "waiting" | "shown" | "hidden", limit = 200) {
  const [rows, settings] = await Promise.all([stores().reasons.listReasonQueue(campaignId, [view], limit), settingsOf.get(campaignId)]);
  return rows.map((row) => ({ ...publicReason(row), state: row.state, reports: row.reports, signatureId: row.signatureId, signatureStatus: row.signatureStatus, fullName: row.fullName, blockedWord: blockedWordIn(row.text, settings.blockedWords) }));
}
