"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { parseStory, type StoryBlock } from "@/lib/story";
import { sendTestUpdate, sendUpdate, updateRecipientCount } from "@/lib/updates/send-update";
import { updateDraftSchema } from "@/lib/updates/update-draft";
import { requireRoleAction } from "../../../_lib/session";

type Values = { subject: string; bodyMarkdown: string; showOnPage: boolean };

export type ComposeState = {
  values: Values;
  errors?: { subject?: string; bodyMarkdown?: string };
  preview?: StoryBlock[];
  /** Set when the organiser asked to send: how many signers it would go to, awaiting their yes. */
  confirming?: number;
  notice?: string;
};

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

const intent = z.enum(["preview", "test", "send", "confirm-send"]);

/** Every button of the compose form: preview, a test to me, send (asks first), and the yes to send. */
export async function composeAction(slug: string, _previous: ComposeState, form: FormData): Promise<ComposeState> {
  const organiser = await requireRoleAction("send-updates");
  const values: Values = { subject: text(form, "subject"), bodyMarkdown: text(form, "bodyMarkdown"), showOnPage: form.get("showOnPage") === "on" };
  const parsed = updateDraftSchema.safeParse(values);
  if (!parsed.success) {
    const { fieldErrors } = z.flattenError(parsed.error);
    return { values, errors: { subject: fieldErrors.subject?.[0], bodyMarkdown: fieldErrors.bodyMarkdown?.[0] } };
  }
  const draft = parsed.data;
  const preview = parseStory(draft.bodyMarkdown);
  switch (intent.catch("preview").parse(text(form, "intent"))) {
    case "preview":
      return { values, preview };
    case "test":
      if (!(await sendTestUpdate(slug, draft, organiser.email))) return { values, notice: "This campaign no longer exists." };
      return { values, preview, notice: `A test is on its way to ${organiser.email}. Nobody else gets it.` };
    case "send": {
      const recipients = await updateRecipientCount(slug);
      if (recipients === undefined) return { values, notice: "This campaign no longer exists." };
      return { values, preview, confirming: recipients };
    }
    case "confirm-send": {
      const outcome = await sendUpdate(slug, draft, organiser.email);
      if (outcome.kind !== "sent") return { values, notice: "This campaign no longer exists." };
      revalidatePath(`/admin/petitions/${slug}/updates`);
      const signers = outcome.recipients === 1 ? "1 signer" : `${outcome.recipients.toLocaleString("en")} signers`;
      return { values: { subject: "", bodyMarkdown: "", showOnPage: false }, notice: `Your update “${draft.subject}” is queued for ${signers}; the list below shows it going out.` };
    }
  }
}
