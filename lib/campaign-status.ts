import { stores } from "./stores";
import { recordAudit } from "./audit";
import { isClosed, isPublished } from "./campaign-state";
import { shownGoal } from "./goal-ladder";
import type { Locale } from "./domain/locales";
import type { CampaignStanding } from "./domain/model";
import { publicName } from "./public-name";
import { campaignForSigning, campaignTitles } from "./campaign-for-signing";
import { localizedTitle } from "./campaign-text";
import type { LiveReasons } from "./domain/reasons";
import { liveReasons } from "./reason-wall";

export const recentSignersShown = 8;

/** The count as the public API and the page tell it. */
export type CampaignStatus = {
  slug: string;
  title: string;
  /** The goal shown: the organiser's, or the next step once reached with stepping goals on (lib/goal-ladder.ts). */
  goal: number;
  /** With stepping goals, the goal or step last passed; null while the organiser's goal is ahead. */
  goalPassed: number | null;
  signaturesHere: number;
  signaturesElsewhere: number;
  /**
   * About how many signed here but wait to confirm by email; not in the total. Rounded and
   * refreshed on a slow clock (lib/pending-figure.ts), so one submission cannot be seen to move it.
   */
  signaturesPending: number;
  total: number;
  /** When signing stops (or stopped), or null. */
  closesAt: string | null;
  /** Whether signing has stopped: the count stays, new signatures are refused. */
  closed: boolean;
  updatedAt: string;
};

export type PublicSigner = { name: string; country: string; signedAt: string };

/** What every open page is sent when the count moves. */
export type LiveSnapshot = CampaignStatus & { revision: number; recentSigners: PublicSigner[]; reasons: LiveReasons };

function toStatus(count: CampaignStanding): CampaignStatus {
  const total = count.signatureCount + count.signaturesElsewhere;
  // A closed campaign has nothing left to reach for: it shows the organiser's own goal, unstepped.
  const goal = shownGoal(count.goal, total, count.steppingGoals && !isClosed(count));
  return {
    slug: count.slug,
    title: count.title,
    goal: goal.goal,
    goalPassed: goal.passed,
    signaturesHere: count.signatureCount,
    signaturesElsewhere: count.signaturesElsewhere,
    signaturesPending: count.pendingFigure,
    total,
    closesAt: count.closesAt?.toISOString() ?? null,
    closed: isClosed(count),
    updatedAt: count.updatedAt.toISOString(),
  };
}

/**
 * The count as the API and the share card tell it; undefined unless the campaign is published. With
 * a locale, the title is the campaign's in that language where it has one (a second read, kept for
 * a second); without, in its own.
 */
export async function campaignStatus(slug: string, locale?: Locale): Promise<CampaignStatus | undefined> {
  const count = await stores().campaigns.readCampaignStanding(slug);
  if (!count || !isPublished(count)) return undefined;
  const status = toStatus(count);
  return locale ? { ...status, title: (await campaignTitle(slug, locale)) ?? status.title } : status;
}

/** The campaign's title for a reader of `locale` (its own language's when it has no translation), or undefined when there is no such campaign. */
export async function campaignTitle(slug: string, locale: Locale): Promise<string | undefined> {
  const titles = await campaignTitles.get(slug);
  return titles && localizedTitle(titles, locale);
}

/**
 * The title shown to a signer confirming by code: of any campaign readers could have signed
 * (published, or since closed or taken down, where a pending signature may still wait), never of a
 * draft, whose name and very existence are the organisers' until it is published.
 */
export async function confirmableCampaignTitle(slug: string, locale: Locale): Promise<string | undefined> {
  const count = await stores().campaigns.readCampaignStanding(slug);
  if (!count || count.state === "draft") return undefined;
  return campaignTitle(slug, locale);
}

export async function recentSigners(campaignId: number): Promise<PublicSigner[]> {
  const rows = await stores().signatures.listRecentPublicSigners(campaignId, recentSignersShown);
  return rows.map((row) => ({
    name: publicName(row.fullName),
    country: row.country,
    signedAt: row.signedAt.toISOString(),
  }));
}

async function snapshotOf(count: CampaignStanding): Promise<LiveSnapshot> {
  const [signers, reasons] = await Promise.all([recentSigners(count.id), liveReasons(count.id)]);
  return { ...toStatus(count), revision: count.revision, recentSigners: signers, reasons };
}

/**
 * The live snapshot, or undefined when no published campaign has the slug. `knownRevision` skips
 * the signers' query when nothing changed.
 */
export async function liveSnapshot(slug: string, knownRevision?: number): Promise<LiveSnapshot | "unchanged" | undefined> {
  const count = await stores().campaigns.readCampaignStanding(slug);
  if (!count || !isPublished(count)) return undefined;
  if (count.revision === knownRevision) return "unchanged";
  return snapshotOf(count);
}

/** A campaign and its snapshot in whatever state it is: the caller decides who may see it. */
export async function campaign(slug: string) {
  const campaign = await stores().campaigns.findCampaign(slug);
  const count = campaign && (await stores().campaigns.readCampaignStanding(slug));
  if (!campaign || !count) return undefined;
  return { campaign, snapshot: await snapshotOf(count) };
}

/** The campaign `/` shows: the first one created of those published. */
/** Where a campaign stands now (its counts and settings), read straight from the store. */
export function campaignStanding(slug: string) {
  return stores().campaigns.readCampaignStanding(slug);
}

export async function homeCampaign(): Promise<string | undefined> {
  return (await stores().campaigns.listCampaigns()).find(isPublished)?.slug;
}

/** Every campaign with its total and state, drafts included, for the organisers' overview. */
export async function listCampaignTotals() {
  const rows = await stores().campaigns.listCampaigns();
  return rows.map((p) => ({
    slug: p.slug,
    title: p.title,
    goal: p.goal,
    total: p.signatureCount + p.signaturesElsewhere,
    state: p.state,
    closed: isClosed(p),
  }));
}

/** Organisers turn email confirmation on or off for a campaign; the change is audited. */
export async function setConfirmationRequired(slug: string, required: boolean, actor: string): Promise<void> {
  await stores().campaigns.setRequireConfirmation(slug, required);
  campaignForSigning.forget();
  await recordAudit({
    actor,
    action: "confirmation-setting",
    campaignSlug: slug,
    detail: `email confirmation ${required ? "required" : "not required"}`,
    rowCount: 0,
  });
}
