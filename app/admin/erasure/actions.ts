"use server";

import { z } from "zod";
import { eraseSignaturesByEmail, findSignaturesByEmail } from "@/lib/erasure";
import { requireRoleAction } from "../_lib/session";

export type ErasureState = {
  email: string;
  error?: string;
  found?: { id: number; slug: string; fullName: string; status: string; signedAt: string }[];
  erased?: number;
};

const email = z.email("Enter the email address the person signed with.").max(254);

/** Look first, then erase what was shown: the second press erases only with the same address. */
export async function erasureAction(previous: ErasureState, form: FormData): Promise<ErasureState> {
  const organiser = await requireRoleAction("erase");
  const raw = form.get("email");
  const parsed = email.safeParse(typeof raw === "string" ? raw.trim() : "");
  if (!parsed.success) return { email: typeof raw === "string" ? raw : "", error: parsed.error.issues[0]?.message };

  if (form.get("intent") === "erase" && previous.email === parsed.data && previous.found?.length) {
    return { email: "", erased: await eraseSignaturesByEmail(parsed.data, organiser.email) };
  }
  const found = await findSignaturesByEmail(parsed.data);
  return {
    email: parsed.data,
    found: found.map((s) => ({ id: s.id, slug: s.slug, fullName: s.fullName, status: s.status, signedAt: s.signedAt.toISOString() })),
  };
}
