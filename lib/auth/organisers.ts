import { stores } from "@/lib/stores";
import { recordAudit } from "../audit";
import type { OrganiserIdentity, Organiser } from "../domain/model";
import type { OrganiserActor } from "@/lib/domain/ports/organisers";
import { can, type Role } from "../domain/roles";

/**
 * The organiser asking for a change to the organisers. The store reads their role again inside
 * the change's transaction and asks this whether it may: what the session said a moment ago is
 * not trusted.
 */
export function organiserActor(organiser: Pick<OrganiserIdentity, "id">): OrganiserActor {
  return { id: organiser.id, may: (role) => can(role, "manage-organisers") };
}

export async function organisers(): Promise<Organiser[]> {
  return stores().organisers.listOrganisers();
}

export type MemberOutcome = "done" | "forbidden" | "unknown" | "last-owner";

/** Gives a member another role (owners only); the last owner stays an owner. Counts from their next request. */
export async function changeRole(organiserId: number, role: Role, actor: OrganiserIdentity): Promise<MemberOutcome> {
  const changed = await stores().organisers.changeOrganiserRole(organiserActor(actor), organiserId, role);
  if (changed.kind !== "done") return changed.kind;
  if (changed.previousRole !== role) {
    await recordAudit({
      actor: actor.email,
      action: "change-role",
      detail: `${changed.email}: ${changed.previousRole} to ${role}`,
      rowCount: 1,
    });
  }
  return "done";
}

/** Removes a member with their sessions and open invitations (owners only); never the last owner. */
export async function removeMember(organiserId: number, actor: OrganiserIdentity): Promise<MemberOutcome> {
  const removed = await stores().organisers.removeOrganiser(organiserActor(actor), organiserId);
  if (removed.kind !== "done") return removed.kind;
  await recordAudit({
    actor: actor.email,
    action: "remove-organiser",
    detail: `removed ${removed.email} (${removed.previousRole})`,
    rowCount: 1,
  });
  return "done";
}
