"use server";

import { redirect } from "next/navigation";
import { campaignStanding } from "@/lib/campaign-status";
import { decideReasons, reasonDecisionInput, reasonSettingsInput, saveReasonSettings } from "@/lib/reasons";
import { requireRoleAction } from "../../../_lib/session";

export type SettingsState = { error?: string; saved?: boolean; values: { moderation: string; reportLimit: string; blockedWords: string } };

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/** Approve, hide, or hide and invalidate the ticked reasons; back to the same view with what was done. */
export async function decideAction(slug: string, view: string, form: FormData): Promise<void> {
  const organiser = await requireRoleAction("moderate");
  const parsed = reasonDecisionInput.safeParse({ decision: form.get("decision"), ids: form.getAll("ids") });
  const campaign = await campaignStanding(slug);
  const base = `/admin/petitions/${slug}/reasons?view=${view}`;
  if (!campaign) redirect("/admin");
  if (!parsed.success) redirect(`${base}&problem=${encodeURIComponent(parsed.error.issues[0]?.message ?? "Choose reasons and what to do.")}`);
  const n = await decideReasons(slug, campaign.id, parsed.data.ids, parsed.data.decision, organiser.email);
  redirect(`${base}&done=${parsed.data.decision}&n=${n}`);
}

/** How this campaign moderates its reasons, and the organisers' own words that hold one. */
export async function settingsAction(slug: string, _previous: SettingsState, form: FormData): Promise<SettingsState> {
  const organiser = await requireRoleAction("moderate");
  const values = { moderation: text(form, "moderation"), reportLimit: text(form, "reportLimit"), blockedWords: text(form, "blockedWords") };
  const parsed = reasonSettingsInput.safeParse(values);
  if (!parsed.success) return { values, error: parsed.error.issues[0]?.message };
  const campaign = await campaignStanding(slug);
  if (!campaign) return { values, error: "This campaign no longer exists." };
  await saveReasonSettings(slug, campaign.id, parsed.data, organiser.email);
  return { values: { ...values, blockedWords: parsed.data.blockedWords.join("\n") }, saved: true };
}
