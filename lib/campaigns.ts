import { stores } from "./stores";
import { recordAudit, type AuditAction } from "./audit";
import { campaignTexts, type CampaignInput } from "./campaign-input";
import { forgetCampaignLanguages } from "./campaign-language";
import type { CampaignState, Campaign, CampaignChange } from "./domain/model";
import { campaignForSigning, campaignTitles } from "./campaign-for-signing";

// Campaigns as organisers make and run them in the admin: every change is audited, and this
// process's short caches are dropped so it applies here at once (other processes within a second
// or five: lib/campaign-for-signing.ts, lib/campaign-language.ts, server/page-cache.ts).

export type CampaignOutcome = { kind: "done" } | { kind: "slug-taken" | "not-found" };

const number = new Intl.NumberFormat("en");

function forgetCached(): void {
  campaignForSigning.forget();
  campaignTitles.forget();
  forgetCampaignLanguages();
}

/** The petition's fields as the input sets them; the slug and state are not the form's to change. */
function fieldsOf(input: CampaignInput): Required<Omit<CampaignChange, "state" | "storyPublishedAt" | "storyUpdatedAt">> {
  const { original, translations } = campaignTexts(input);
  return {
    locale: input.locale,
    title: original.title,
    ask: original.ask,
    storyHeadline: original.storyHeadline,
    storyMarkdown: original.storyMarkdown,
    goal: input.goal,
    signaturesElsewhere: input.signaturesElsewhere,
    closesAt: input.closesAt,
    requireConfirmation: input.requireConfirmation,
    steppingGoals: input.steppingGoals,
    translations,
  };
}

const closing = (at: Date | null) => (at ? `closes ${at.toISOString().slice(0, 16).replace("T", " ")} UTC` : "no closing date");
const languages = (input: CampaignInput, translations: object) => [input.locale, ...Object.keys(translations)].join(", ");

/** Creates a campaign as a draft, seen by organisers only until it is published. */
/** A campaign with its text in every language, as the admin's form edits it. */
export function campaignForEditing(slug: string) {
  return stores().campaigns.findCampaign(slug);
}

export async function createCampaign(input: CampaignInput, actor: string, now = new Date()): Promise<CampaignOutcome> {
  const fields = fieldsOf(input);
  const created = await stores().campaigns.createCampaign({ slug: input.slug, ...fields, state: "draft" }, now);
  if (!created) return { kind: "slug-taken" };
  forgetCached();
  await audit(actor, "campaign-create", input.slug, `created draft "${fields.title}": goal ${number.format(fields.goal)}, languages ${languages(input, fields.translations)}, ${closing(fields.closesAt)}`);
  return { kind: "done" };
}

/** What an edit changed, for the audit log: each field by name, with numbers and dates from → to. */
function changes(before: Campaign, fields: ReturnType<typeof fieldsOf>): string[] {
  const said: string[] = [];
  const moved = (name: string, from: string, to: string) => from !== to && said.push(`${name} ${from} → ${to}`);
  moved("goal", number.format(before.goal), number.format(fields.goal));
  moved("signatures elsewhere", number.format(before.signaturesElsewhere), number.format(fields.signaturesElsewhere));
  moved("closing", closing(before.closesAt), closing(fields.closesAt));
  moved("language", before.locale, fields.locale);
  moved("email confirmation", before.requireConfirmation ? "on" : "off", fields.requireConfirmation ? "on" : "off");
  moved("stepping goals", before.steppingGoals ? "on" : "off", fields.steppingGoals ? "on" : "off");
  for (const key of ["title", "ask", "storyHeadline", "storyMarkdown"] as const) if (before[key] !== fields[key]) said.push(`${key} changed`);
  const translated = (texts: object) => JSON.stringify(texts);
  if (translated(before.translations) !== translated(fields.translations)) said.push("translations changed");
  return said;
}

/** Saves an organiser's edit; the campaign is then never overwritten by its content/ file. */
export async function editCampaign(slug: string, input: CampaignInput, actor: string, now = new Date()): Promise<CampaignOutcome> {
  const before = await stores().campaigns.findCampaign(slug);
  if (!before) return { kind: "not-found" };
  const fields = fieldsOf(input);
  if (!(await stores().campaigns.updateCampaign(slug, fields, now))) return { kind: "not-found" };
  forgetCached();
  await audit(actor, "campaign-edit", slug, `edited: ${changes(before, fields).join("; ") || "nothing changed"}`);
  return { kind: "done" };
}

const stateActions: Record<Exclude<CampaignState, "draft">, AuditAction> = { published: "campaign-publish", unpublished: "campaign-unpublish" };

/** Publishing makes the page live; unpublishing takes it down, with a kind page for readers. */
export async function setCampaignState(slug: string, state: Exclude<CampaignState, "draft">, actor: string, now = new Date()): Promise<CampaignOutcome> {
  const before = await stores().campaigns.findCampaign(slug);
  if (!before) return { kind: "not-found" };
  // The page's "Published" date is the first day readers could see it.
  const firstPublished = state === "published" && !before.storyPublishedAt ? { storyPublishedAt: now.toISOString() } : {};
  if (!(await stores().campaigns.updateCampaign(slug, { state, ...firstPublished }, now))) return { kind: "not-found" };
  forgetCached();
  await audit(actor, stateActions[state], slug, `${before.state} → ${state}`);
  return { kind: "done" };
}

/** Closes the campaign now: its page and count stay, and new signatures are refused. */
export async function closeCampaign(slug: string, actor: string, now = new Date()): Promise<CampaignOutcome> {
  if (!(await stores().campaigns.updateCampaign(slug, { closesAt: now }, now))) return { kind: "not-found" };
  forgetCached();
  await audit(actor, "campaign-close", slug, `closed to new signatures at ${now.toISOString()}`);
  return { kind: "done" };
}

/** Reopens a closed campaign by clearing its closing date. */
export async function reopenCampaign(slug: string, actor: string, now = new Date()): Promise<CampaignOutcome> {
  const before = await stores().campaigns.findCampaign(slug);
  if (!before || !(await stores().campaigns.updateCampaign(slug, { closesAt: null }, now))) return { kind: "not-found" };
  forgetCached();
  await audit(actor, "campaign-reopen", slug, `reopened (was ${closing(before.closesAt)})`);
  return { kind: "done" };
}

function audit(actor: string, action: AuditAction, campaignSlug: string, detail: string) {
  return recordAudit({ actor, action, campaignSlug, detail, rowCount: 0 });
}
