"use server";

import { revalidatePath } from "next/cache";
import { setConfirmationRequired } from "@/lib/petitions";
import { invalidate, invalidationInput, previewInvalidation } from "@/lib/moderation";
import { requireAdminAction } from "../../_lib/session";

export async function setConfirmationAction(slug: string, form: FormData): Promise<void> {
  const admin = await requireAdminAction();
  await setConfirmationRequired(slug, form.get("required") === "on", admin.email);
  revalidatePath(`/admin/petitions/${slug}`);
}

export type InvalidationState = {
  step: "choose" | "preview" | "done";
  values: { clientAddress: string; emailDomain: string; from: string; to: string };
  matches?: number;
  error?: string;
};

/** First press: how many would go. Second press, with the same choice: invalidate them. */
export async function invalidationAction(slug: string, previous: InvalidationState, form: FormData): Promise<InvalidationState> {
  const admin = await requireAdminAction();
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  const values = { clientAddress: text("clientAddress"), emailDomain: text("emailDomain"), from: text("from"), to: text("to") };
  const parsed = invalidationInput.safeParse(values);
  if (!parsed.success) return { step: "choose", values, error: parsed.error.issues[0]?.message };

  const confirming =
    form.get("intent") === "invalidate" &&
    previous.step === "preview" &&
    JSON.stringify(previous.values) === JSON.stringify(values);
  if (!confirming) {
    return { step: "preview", values, matches: await previewInvalidation(slug, parsed.data) };
  }
  const invalidated = await invalidate(slug, parsed.data, admin.email);
  revalidatePath(`/admin/petitions/${slug}`);
  return { step: "done", values, matches: invalidated };
}
