"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { organiserPassword } from "@/lib/auth/organiser-accounts";
import { acceptInvitation } from "@/lib/auth/invitations";
import { beginSession, requireSameOrigin } from "../../_lib/session";

/** Never the password itself: a form is not a place to echo a secret back into. */
export type AcceptState = { errors?: { password?: string; confirm?: string }; message?: string };

const passwords = z
  .object({ password: organiserPassword, confirm: z.string().max(256) })
  .refine((p) => p.password === p.confirm, { error: "The two passwords differ. Type the same one twice.", path: ["confirm"] });

const refusals = {
  unknown: "This invitation link doesn't work any more: it may have been revoked or replaced by a newer one. Ask an owner for a new one.",
  used: "This invitation has been used already. Sign in with the password you chose.",
  expired: "This invitation has expired. Ask an owner to invite you again.",
  member: "This address has an organiser account already. Sign in with its password.",
};

/** Sets the invited organiser's password, makes their account and signs them in. */
export async function acceptAction(token: string, _previous: AcceptState, form: FormData): Promise<AcceptState> {
  await requireSameOrigin();
  const parsed = passwords.safeParse({ password: form.get("password"), confirm: form.get("confirm") });
  if (!parsed.success) {
    const { fieldErrors } = z.flattenError(parsed.error);
    return { errors: { password: fieldErrors.password?.[0], confirm: fieldErrors.confirm?.[0] } };
  }
  const outcome = await acceptInvitation(token, parsed.data.password);
  if (outcome.kind === "invalid") return { errors: { password: outcome.error } };
  if (outcome.kind !== "accepted") return { message: refusals[outcome.kind] };
  await beginSession(outcome.organiser.id);
  redirect("/admin");
}
