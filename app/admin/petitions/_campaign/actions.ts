"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { parseCampaignInput, type CampaignFieldErrors, type CampaignFormValues } from "@/lib/campaign-input";
import { closeCampaign, createCampaign, editCampaign, reopenCampaign, setCampaignState, type CampaignOutcome } from "@/lib/campaigns";
import { translator } from "@/lib/i18n/messages";
import { isLocale } from "@/lib/domain/locales";
import { parseStory, type StoryBlock } from "@/lib/story";
import { logActionError } from "../../../_lib/request-log";
import { requireRoleAction } from "../../_lib/session";
import { campaignValuesFromForm } from "./form-values";

export type CampaignFormState = {
  /** Counts answers, so the form remounts with the values echoed back. */
  submission: number;
  values: CampaignFormValues;
  errors: CampaignFieldErrors;
  /** A problem with the whole form, or the word that it was saved. */
  message?: { kind: "error" | "saved"; text: string };
};

const problems = (values: CampaignFormValues, previous: CampaignFormState, errors: CampaignFieldErrors, text: string): CampaignFormState => ({
  submission: previous.submission + 1,
  values,
  errors,
  message: { kind: "error", text },
});

const failed = "We couldn't save the campaign just now; nothing you typed is lost. Please try again in a moment.";

export async function createCampaignAction(previous: CampaignFormState, form: FormData): Promise<CampaignFormState> {
  const organiser = await requireRoleAction("manage-campaigns");
  const values = campaignValuesFromForm(form);
  const parsed = parseCampaignInput(values);
  if (!parsed.ok) return problems(values, previous, parsed.errors, "Some fields need another look; they are marked below.");
  let outcome: CampaignOutcome;
  try {
    outcome = await createCampaign(parsed.input, organiser.email);
  } catch (error) {
    await logActionError("creating a campaign failed", error, { slug: parsed.input.slug });
    return problems(values, previous, {}, failed);
  }
  if (outcome.kind !== "done") {
    const taken = `The address /p/${parsed.input.slug} is taken, by a campaign now or before; choose another.`;
    return problems(values, previous, { slug: taken }, "Some fields need another look; they are marked below.");
  }
  revalidatePath("/admin");
  redirect(`/admin/petitions/${parsed.input.slug}/edit?created=1`);
}

export async function editCampaignAction(slug: string, previous: CampaignFormState, form: FormData): Promise<CampaignFormState> {
  const organiser = await requireRoleAction("manage-campaigns");
  // The slug is fixed: it is the campaign's address, and whatever the form says of it is ignored.
  const values = { ...campaignValuesFromForm(form), slug };
  const parsed = parseCampaignInput(values);
  if (!parsed.ok) return problems(values, previous, parsed.errors, "Some fields need another look; they are marked below. Nothing was saved.");
  try {
    const outcome = await editCampaign(slug, parsed.input, organiser.email);
    if (outcome.kind !== "done") return problems(values, previous, {}, "This campaign no longer exists.");
  } catch (error) {
    await logActionError("editing a campaign failed", error, { slug });
    return problems(values, previous, {}, failed);
  }
  revalidatePath(`/admin/petitions/${slug}`);
  return { submission: previous.submission + 1, values, errors: {}, message: { kind: "saved", text: "Saved." } };
}

const previewInput = z.tuple([
  z.string().transform((l) => (isLocale(l) ? l : "en")),
  // The preview stops where the form's own limit would refuse the story anyway.
  z.string().transform((m) => m.slice(0, 100_000)),
]);

/** The story as the public page will show it: parsed by the same code, with its photo label in the story's language. */
export async function previewStoryAction(locale: unknown, markdown: unknown): Promise<{ blocks: StoryBlock[]; photoLabel: string }> {
  await requireRoleAction("manage-campaigns");
  // A server action is a public endpoint: its arguments are whatever a request carried.
  const [language, story] = previewInput.parse([locale, markdown]);
  return { blocks: parseStory(story), photoLabel: translator(language, "Campaign")("photoLabel") };
}

async function changeState(slug: string, change: (actor: string) => Promise<CampaignOutcome>): Promise<void> {
  const organiser = await requireRoleAction("manage-campaigns");
  await change(organiser.email);
  revalidatePath("/admin");
  revalidatePath(`/admin/petitions/${slug}`);
  revalidatePath(`/admin/petitions/${slug}/edit`);
}

export async function publishAction(slug: string): Promise<void> {
  await changeState(slug, (actor) => setCampaignState(slug, "published", actor));
}

export async function unpublishAction(slug: string): Promise<void> {
  await changeState(slug, (actor) => setCampaignState(slug, "unpublished", actor));
}

export async function closeAction(slug: string): Promise<void> {
  await changeState(slug, (actor) => closeCampaign(slug, actor));
}

export async function reopenAction(slug: string): Promise<void> {
  await changeState(slug, (actor) => reopenCampaign(slug, actor));
}
