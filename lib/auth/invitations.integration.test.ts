import { stores } from "@/lib/stores";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prepareDatabase, storedRows } from "@/test/database";
import { publicUrl } from "@/test/smtp-sink";
import { mailWorker } from "../mail/outbox-worker";
import type { OrganiserIdentity } from "../domain/model";
import { hashToken } from "../tokens";
import { authenticate, createOrganiser } from "./organiser-accounts";
import { acceptInvitation, describeInvitation, inviteOrganiser, openInvitations, revokeInvitation } from "./invitations";
import type { Role } from "../domain/roles";

// config() is read once, so the sink must be listening and named before any module reads it.
const sink = await vi.hoisted(async () => (await import("@/test/smtp-sink")).startMailServerForApp());

const password = "a long organiser password";
const dayMs = 24 * 60 * 60 * 1000;

/** An organiser made as the CLI makes one, with the role named. */
async function organiser(email: string, role: Role): Promise<OrganiserIdentity> {
  await createOrganiser(email, password, role);
  const organiser = await stores().organisers.findOrganiserByEmail(email);
  return { id: organiser!.id, email: organiser!.email, role: organiser!.role };
}

/** The token in the invitation email's link. */
async function invitationToken(email: string, nth = 1): Promise<string> {
  const mail = await sink.waitFor(email, nth);
  const token = new RegExp(`${publicUrl.replace(/\./g, "\\.")}/admin/invitation/([A-Za-z0-9_-]+)`).exec(mail.text)?.[1];
  if (!token) throw new Error(`no invitation link in:\n${mail.text}`);
  return token;
}

const audit = () => storedRows<{ actor: string; action: string; detail: string }>("select actor, action, detail from audit_events order by id");

let owner: OrganiserIdentity;

beforeAll(async () => {
  await prepareDatabase();
  owner = await organiser("owner@example.org", "owner");
});
afterAll(async () => {
  await mailWorker().idle();
  await sink.stop();
});

describe("inviting an organiser", () => {
  it("emails a link naming who invites and for what; the password sets up the account once", async () => {
    const invited = await inviteOrganiser(" New.Editor@Example.org ", "editor", owner);
    expect(invited).toEqual({ kind: "invited", email: "new.editor@example.org", role: "editor" });

    const mail = await sink.waitFor("new.editor@example.org");
    expect(mail.subject).toBe("You're invited to organise on Countersign");
    expect(mail.text).toContain("owner@example.org has invited you");
    expect(mail.text).toContain("as an editor");
    const token = await invitationToken("new.editor@example.org");
    // Only the token's hash is kept: nothing stored would open the link.
    const [row] = storedRows<Record<string, unknown>>("select * from admin_invitations where email = 'new.editor@example.org'");
    expect(row).toMatchObject({ role: "editor", token_hash: hashToken(token), invited_by: owner.id, accepted_at: null });
    expect(Object.values(row!)).not.toContain(token);
    expect(Number(row!.expires_at) - Number(row!.created_at)).toBe(7 * dayMs);

    expect(await describeInvitation(token)).toMatchObject({ kind: "open", email: "new.editor@example.org", role: "editor", invitedBy: "owner@example.org" });
    expect(await acceptInvitation(token, "too short")).toEqual({ kind: "invalid", error: "Use at least 12 characters." });
    expect(await stores().organisers.findOrganiserByEmail("new.editor@example.org")).toBeUndefined();

    const accepted = await acceptInvitation(token, "the editor's own password");
    expect(accepted).toMatchObject({ kind: "accepted", organiser: { email: "new.editor@example.org", role: "editor" } });
    expect(await authenticate("new.editor@example.org", "the editor's own password")).toMatchObject({ kind: "admin" });
    expect(storedRows("select role from admins where email = 'new.editor@example.org'")).toEqual([{ role: "editor" }]);

    // Single use: the second try changes nothing, whatever the password.
    expect(await acceptInvitation(token, "another password entirely")).toEqual({ kind: "used" });
    expect(await describeInvitation(token)).toEqual({ kind: "used" });
    expect(await authenticate("new.editor@example.org", "another password entirely")).toEqual({ kind: "refused" });
    expect(audit()).toEqual([
      { actor: "owner@example.org", action: "invite", detail: "invited new.editor@example.org as editor" },
      { actor: "new.editor@example.org", action: "join", detail: "accepted the invitation of owner@example.org as editor" },
    ]);
  });

  it("refuses a link that was never made, and one past its seven days", async () => {
    expect(await describeInvitation("not-a-token")).toEqual({ kind: "unknown" });
    expect(await acceptInvitation("A".repeat(43), password)).toEqual({ kind: "unknown" });

    await inviteOrganiser("late@example.org", "viewer", owner, new Date(Date.now() - 7 * dayMs - 60_000));
    const token = await invitationToken("late@example.org");
    expect(await describeInvitation(token)).toEqual({ kind: "expired" });
    expect(await acceptInvitation(token, password)).toEqual({ kind: "expired" });
    expect(await stores().organisers.findOrganiserByEmail("late@example.org")).toBeUndefined();
    expect((await openInvitations()).find((i) => i.email === "late@example.org")).toMatchObject({ expired: true });
  });

  it("is for owners only, read from the database: an editor or viewer is refused and nothing is sent", async () => {
    const editor = await organiser("editor@example.org", "editor");
    const viewer = await organiser("viewer@example.org", "viewer");
    expect(await inviteOrganiser("by-editor@example.org", "owner", editor)).toEqual({ kind: "forbidden" });
    // Even claiming to be an owner: the role the store reads is the one that counts.
    expect(await inviteOrganiser("by-viewer@example.org", "viewer", { ...viewer, role: "owner" })).toEqual({ kind: "forbidden" });
    expect(storedRows("select email from admin_invitations where email like 'by-%'")).toEqual([]);
    expect(storedRows("select to_address from outbox where to_address like 'by-%'")).toEqual([]);
  });

  it("does not invite someone who is already an organiser", async () => {
    expect(await inviteOrganiser("EDITOR@example.org", "owner", owner)).toEqual({ kind: "member" });
  });

  it("replaces an open invitation when the address is invited again: only the newest link works", async () => {
    await inviteOrganiser("twice@example.org", "viewer", owner);
    const first = await invitationToken("twice@example.org");
    await inviteOrganiser("twice@example.org", "editor", owner);
    const second = await invitationToken("twice@example.org", 2);
    expect(await describeInvitation(first)).toEqual({ kind: "unknown" });
    expect(await describeInvitation(second)).toMatchObject({ kind: "open", role: "editor" });
    expect(audit().at(-1)).toEqual({ actor: "owner@example.org", action: "invite", detail: "invited twice@example.org as editor, replacing the earlier invitation" });
  });

  it("can be revoked by an owner, and its link stops working; not by an editor", async () => {
    await inviteOrganiser("revoked@example.org", "owner", owner);
    const token = await invitationToken("revoked@example.org");
    const { id } = (await openInvitations()).find((i) => i.email === "revoked@example.org")!;
    const editor = (await stores().organisers.findOrganiserByEmail("editor@example.org"))!;
    expect(await revokeInvitation(id, { id: editor.id, email: editor.email, role: "editor" })).toBe("forbidden");
    expect(await describeInvitation(token)).toMatchObject({ kind: "open" });

    expect(await revokeInvitation(id, owner)).toBe("revoked");
    expect(await describeInvitation(token)).toEqual({ kind: "unknown" });
    expect(await acceptInvitation(token, password)).toEqual({ kind: "unknown" });
    expect(await revokeInvitation(id, owner)).toBe("unknown");
    expect(audit().at(-1)).toEqual({ actor: "owner@example.org", action: "revoke-invitation", detail: "revoked the invitation of revoked@example.org" });
  });

  it("accepted twice at once makes one account", async () => {
    await inviteOrganiser("racing@example.org", "viewer", owner);
    const token = await invitationToken("racing@example.org");
    const outcomes = await Promise.all([acceptInvitation(token, "first racing password"), acceptInvitation(token, "second racing password")]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(["accepted", "used"]);
    expect(storedRows("select count(*) as n from admins where email = 'racing@example.org'")).toEqual([{ n: 1 }]);
  });
});
