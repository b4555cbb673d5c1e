import { stores } from "@/lib/stores";
import { beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase, storedRows } from "@/test/database";
import type { OrganiserIdentity } from "../domain/model";
import { createOrganiser } from "./organiser-accounts";
import { describeInvitation, inviteOrganiser } from "./invitations";
import { changeRole, organisers, removeMember } from "./organisers";
import type { Role } from "../domain/roles";
import { sessionOrganiser, startSession } from "./sessions";

// No SMTP_URL here: mail cannot go out, so an invitation's link comes back to the owner to pass on.

async function organiser(email: string, role: Role): Promise<OrganiserIdentity> {
  await createOrganiser(email, "a long organiser password", role);
  const organiser = await stores().organisers.findOrganiserByEmail(email);
  return { id: organiser!.id, email: organiser!.email, role: organiser!.role };
}

const roleOf = (email: string) => storedRows<{ role: string }>("select role from admins where email = ?", email)[0]?.role;
const audit = () => storedRows<{ actor: string; action: string; detail: string }>("select actor, action, detail from audit_events order by id");

beforeAll(prepareDatabase);

describe("the organisers", () => {
  it("are listed with their roles, oldest first", async () => {
    await organiser("list-owner@example.org", "owner");
    await organiser("list-viewer@example.org", "viewer");
    expect((await organisers()).map(({ email, role }) => ({ email, role }))).toEqual([
      { email: "list-owner@example.org", role: "owner" },
      { email: "list-viewer@example.org", role: "viewer" },
    ]);
  });

  it("never lose their last owner, by demotion or removal", async () => {
    const [only] = (await organisers()).filter((o) => o.role === "owner");
    const self = { id: only!.id, email: only!.email, role: only!.role };
    expect(await changeRole(self.id, "editor", self)).toBe("last-owner");
    expect(await removeMember(self.id, self)).toBe("last-owner");
    expect(roleOf(self.email)).toBe("owner");

    const second = await organiser("second-owner@example.org", "owner");
    expect(await changeRole(self.id, "viewer", second)).toBe("done");
    expect(roleOf(self.email)).toBe("viewer");
    // Demoted a moment ago: the store reads the role again and refuses, whatever the caller believes.
    expect(await changeRole(second.id, "viewer", self)).toBe("forbidden");
    expect(await changeRole(second.id, "editor", second)).toBe("last-owner");
    expect(await changeRole(self.id, "owner", second)).toBe("done");
  });

  it("take effect from the next request: a demoted organiser's session carries the new role at once", async () => {
    const boss = await organiser("boss@example.org", "owner");
    const member = await organiser("member@example.org", "owner");
    const { token } = await startSession(member.id);
    expect(await sessionOrganiser(token)).toMatchObject({ email: "member@example.org", role: "owner" });

    expect(await changeRole(member.id, "viewer", boss)).toBe("done");
    expect(await sessionOrganiser(token)).toMatchObject({ email: "member@example.org", role: "viewer" });
    expect(audit().at(-1)).toEqual({ actor: "boss@example.org", action: "change-role", detail: "member@example.org: owner to viewer" });

    expect(await removeMember(member.id, boss)).toBe("done");
    expect(await sessionOrganiser(token)).toBeUndefined();
    expect(storedRows("select id from admin_sessions where admin_id = ?", member.id)).toEqual([]);
    expect(audit().at(-1)).toEqual({ actor: "boss@example.org", action: "remove-organiser", detail: "removed member@example.org (viewer)" });
    expect(await removeMember(member.id, boss)).toBe("unknown");
  });

  it("are managed by owners only", async () => {
    const editor = await organiser("an-editor@example.org", "editor");
    const viewer = await organiser("a-viewer@example.org", "viewer");
    expect(await changeRole(viewer.id, "owner", editor)).toBe("forbidden");
    expect(await changeRole(viewer.id, "owner", viewer)).toBe("forbidden");
    expect(await removeMember(editor.id, viewer)).toBe("forbidden");
    expect(roleOf("a-viewer@example.org")).toBe("viewer");
    expect(roleOf("an-editor@example.org")).toBe("editor");
  });

  it("lose their open invitations when they can no longer invite", async () => {
    const boss = (await stores().organisers.findOrganiserByEmail("boss@example.org"))!;
    const inviter = await organiser("inviter@example.org", "owner");
    const invited = await inviteOrganiser("invitee@example.org", "viewer", inviter);
    // Without mail the owner is handed the link to pass on.
    if (invited.kind !== "invited" || !invited.link) throw new Error(`not invited: ${JSON.stringify(invited)}`);
    expect(invited.link).toMatch(/^\/admin\/invitation\/[A-Za-z0-9_-]{43}$/);
    expect(storedRows("select id from outbox")).toEqual([]);
    const token = invited.link.split("/").at(-1)!;
    expect(await describeInvitation(token)).toMatchObject({ kind: "open" });

    expect(await changeRole(inviter.id, "editor", { id: boss.id, email: boss.email, role: boss.role })).toBe("done");
    expect(await describeInvitation(token)).toEqual({ kind: "unknown" });
  });

  it("are never left without an owner when two owners demote each other at once", async () => {
    const left = await organiser("left@example.org", "owner");
    const right = await organiser("right@example.org", "owner");
    // Every other owner steps down first, so these two are the only ones.
    for (const other of (await organisers()).filter((o) => o.role === "owner" && o.id !== left.id && o.id !== right.id)) {
      expect(await changeRole(other.id, "viewer", left)).toBe("done");
    }
    // Connections ready beforehand (on PostgreSQL, a pool's), so the two changes really overlap.
    await Promise.all(Array.from({ length: 4 }, () => organisers()));
    const outcomes = await Promise.all([changeRole(right.id, "viewer", left), changeRole(left.id, "viewer", right)]);
    expect(outcomes.sort()).toEqual(["done", "forbidden"]);
    expect((await organisers()).filter((o) => o.role === "owner")).toHaveLength(1);
  });
});
