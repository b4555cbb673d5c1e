"use server";

import { revalidatePath } from "next/cache";
import { invalidate, previewChoice, release, signatureChoice } from "@/lib/moderation";
import { setConfirmationRequired } from "@/lib/campaign-status";
import { requireRoleAction } from "../../_lib/session";

export async function setConfirmationAction(slug: string, form: FormData): Promise<void> {
  const organiser = await requireRoleAction("manage-campaigns");
  await setConfirmationRequired(slug, form.get("required") === "on", organiser.email);
  revalidatePath(`/admin/petitions/${slug}`);
}

export type ChoiceValues = {
  suspected: boolean;
  clientAddress: string;
  emailDomain: string;
  from: string;
  to: string;
  filledUnderSeconds: string;
};

export type BulkState = {
  step: "choose" | "preview" | "done";
  values: ChoiceValues;
  matches?: number;
  done?: "invalidated" | "released";
  error?: string;
};

function valuesOf(form: FormData): ChoiceValues {
  const text = (name: keyof ChoiceValues) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  return {
    suspected: form.get("suspected") === "on",
    clientAddress: text("clientAddress"),
    emailDomain: text("emailDomain"),
    from: text("from"),
    to: text("to"),
    filledUnderSeconds: text("filledUnderSeconds"),
  };
}

/**
 * First press: how many match. Second press, with the same choice unchanged: invalidate them, or
 * (for suspected ones) release them.
 */
export async function bulkAction(slug: string, previous: BulkState, form: FormData): Promise<BulkState> {
  // Even counting matches is moderation: it is the first step of invalidating them.
  const organiser = await requireRoleAction("moderate");
  const values = valuesOf(form);
  const parsed = signatureChoice.safeParse(values);
  if (!parsed.success) return { step: "choose", values, error: parsed.error.issues[0]?.message };

  const intent = form.get("intent");
  const confirmed = previous.step === "preview" && JSON.stringify(previous.values) === JSON.stringify(values);
  if (confirmed && intent === "invalidate") {
    const matches = await invalidate(slug, parsed.data, organiser.email);
    revalidatePath(`/admin/petitions/${slug}`);
    return { step: "done", values, matches, done: "invalidated" };
  }
  if (confirmed && intent === "release" && values.suspected) {
    const matches = await release(slug, parsed.data, organiser.email);
    revalidatePath(`/admin/petitions/${slug}`);
    return { step: "done", values, matches, done: "released" };
  }
  return { step: "preview", values, matches: await previewChoice(slug, parsed.data) };
}
