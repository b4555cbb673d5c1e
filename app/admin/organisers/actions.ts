"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { invitationInput, inviteOrganiser, revokeInvitation } from "@/lib/auth/invitations";
import { changeRole, removeMember, type MemberOutcome } from "@/lib/auth/organisers";
import { roles } from "@/lib/domain/roles";
import { absoluteUrl } from "../../_lib/request";
import { requireRoleAction } from "../_lib/session";

export type InviteState = {
  values: { email: string; role: string };
  errors?: { email?: string; role?: string };
  /** Said once the invitation is made. */
  sent?: string;
  /** The link to pass on, when no mail can go out; shown only in this answer, never stored. */
  link?: string;
};

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

export async function inviteAction(_previous: InviteState, form: FormData): Promise<InviteState> {
  const organiser = await requireRoleAction("manage-organisers");
  const values = { email: text(form, "email"), role: text(form, "role") };
  const parsed = invitationInput.safeParse(values);
  if (!parsed.success) {
    const { fieldErrors } = z.flattenError(parsed.error);
    return { values, errors: { email: fieldErrors.email?.[0], role: fieldErrors.role?.[0] } };
  }
  const outcome = await inviteOrganiser(parsed.data.email, parsed.data.role, organiser);
  if (outcome.kind !== "invited") {
    // "forbidden": demoted between loading the page and sending it, as the store found.
    const error = outcome.kind === "member" ? `${parsed.data.email} is an organiser already; change their role above.` : "Only an owner can invite organisers.";
    return { values, errors: { email: error } };
  }
  revalidatePath("/admin/organisers");
  const link = outcome.link && (outcome.link.startsWith("/") ? await absoluteUrl(outcome.link) : outcome.link);
  return {
    values: { email: "", role: parsed.data.role },
    sent: link
      ? `Invitation made for ${outcome.email} as ${outcome.role}. Email isn't set up here, so send them this link yourself: it works once, for 7 days, and is shown only now.`
      : `Invitation sent to ${outcome.email} as ${outcome.role}. The link in it works once, for 7 days.`,
    link,
  };
}

export type MemberState = { role: string; confirmRemove?: boolean; error?: string };

const memberIntent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("role"), role: z.enum(roles, { error: "Choose owner, editor or viewer." }) }),
  z.object({ intent: z.literal("remove") }),
  z.object({ intent: z.literal("confirm-remove") }),
]);

const refusals: Record<Exclude<MemberOutcome, "done">, string> = {
  forbidden: "Only an owner can change organisers.",
  unknown: "This organiser has been removed already. Reload the page to see who is left.",
  "last-owner": "Every campaign needs an owner: make someone else an owner first.",
};

/** Changes a member's role, or removes them after a second, confirming press. */
export async function memberAction(organiserId: number, previous: MemberState, form: FormData): Promise<MemberState> {
  const organiser = await requireRoleAction("manage-organisers");
  const role = text(form, "role") || previous.role;
  const parsed = memberIntent.safeParse({ intent: text(form, "intent"), role });
  if (!parsed.success) return { role, error: parsed.error.issues[0]?.message };

  if (parsed.data.intent === "remove") return { role, confirmRemove: true };
  const outcome =
    parsed.data.intent === "role"
      ? await changeRole(organiserId, parsed.data.role, organiser)
      : await removeMember(organiserId, organiser);
  if (outcome !== "done") return { role, error: refusals[outcome] };
  // Changing one's own role or account may end one's right to this page, or one's session.
  if (organiserId === organiser.id) redirect("/admin");
  revalidatePath("/admin/organisers");
  return { role };
}

export async function revokeAction(invitationId: number): Promise<void> {
  const organiser = await requireRoleAction("manage-organisers");
  await revokeInvitation(invitationId, organiser);
  revalidatePath("/admin/organisers");
}
