"use server";

import { z } from "zod";
import { confirmWithCode, confirmWithLink, type Confirmation } from "@/lib/confirmations";
import { withdraw } from "@/lib/withdrawals";

export type ConfirmState = { result?: Confirmation; email: string };

export async function confirmLinkAction(token: string): Promise<ConfirmState> {
  return { result: await confirmWithLink(token), email: "" };
}

const codeForm = z.object({ email: z.string().trim().max(254), code: z.string().trim().max(12) });

export async function confirmCodeAction(slug: string, _previous: ConfirmState, form: FormData): Promise<ConfirmState> {
  const parsed = codeForm.safeParse({ email: form.get("email"), code: form.get("code") });
  if (!parsed.success) return { result: { kind: "wrong-code" }, email: "" };
  return { result: await confirmWithCode(slug, parsed.data.email, parsed.data.code), email: parsed.data.email };
}

export type WithdrawState = { done?: boolean; title?: string; slug?: string };

export async function withdrawAction(token: string): Promise<WithdrawState> {
  const withdrawn = await withdraw(token);
  return withdrawn ? { done: true, ...withdrawn } : { done: false };
}
