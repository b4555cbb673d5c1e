"use server";

import { revalidatePath } from "next/cache";
import { block, blockInput, unblock } from "@/lib/moderation";
import { requireRoleAction } from "../_lib/session";

export type BlockState = { value: string; error?: string; added?: string };

export async function blockAction(_previous: BlockState, form: FormData): Promise<BlockState> {
  const organiser = await requireRoleAction("moderate");
  const raw = form.get("value");
  const value = typeof raw === "string" ? raw : "";
  const parsed = blockInput.safeParse({ value });
  if (!parsed.success) return { value, error: parsed.error.issues[0]?.message };
  const entry = await block(parsed.data.value, organiser.email);
  revalidatePath("/admin/blocked");
  return { value: "", added: `${entry.kind === "domain" ? "Domain" : "Address"} ${entry.value} is blocked.` };
}

export async function unblockAction(id: number): Promise<void> {
  const organiser = await requireRoleAction("moderate");
  await unblock(id, organiser.email);
  revalidatePath("/admin/blocked");
}
