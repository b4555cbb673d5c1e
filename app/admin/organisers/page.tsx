import type { Metadata } from "next";
import { openInvitations } from "@/lib/auth/invitations";
import { organisers } from "@/lib/auth/organisers";
import { requestLocale } from "../../_lib/request";
import { OrganiserHeader } from "../_lib/OrganiserHeader";
import { requireRole } from "../_lib/session";
import { memberAction, revokeAction } from "./actions";
import { InviteForm } from "./InviteForm";
import { MemberForm } from "./MemberForm";

export const metadata: Metadata = { title: "Organisers", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function OrganisersPage() {
  const organiser = await requireRole("manage-organisers");
  const [members, invitations, locale] = await Promise.all([organisers(), openInvitations(), requestLocale()]);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const time = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return (
    <>
      <OrganiserHeader organiser={organiser} />
      <main id="main" className="admin">
        <h1>Organisers</h1>
        <p>
          Owners can do everything: export signatures, erase them, and manage organisers. Editors run the campaigns
          (settings, updates to signers, invalidating bots and blocking addresses) but cannot export or erase. Viewers see
          the dashboards. A change of role counts from the organiser&apos;s next click.
        </p>

        <section className="admin-section" aria-labelledby="members-heading">
          <h2 id="members-heading">Members</h2>
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Email</th>
                  <th scope="col">Since (UTC)</th>
                  <th scope="col">Role</th>
                </tr>
              </thead>
              <tbody>
                {members.map((m) => (
                  <tr key={m.id}>
                    <td>
                      {m.email}
                      {m.id === organiser.id && " (you)"}
                    </td>
                    <td>{date.format(m.createdAt)}</td>
                    <td>
                      <MemberForm action={memberAction.bind(null, m.id)} email={m.email} role={m.role} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>

        <section className="admin-section" aria-labelledby="invite-heading">
          <h2 id="invite-heading">Invite an organiser</h2>
          <p>They get an email with a link to choose a password. The link works once, for 7 days.</p>
          <InviteForm />
        </section>

        <section className="admin-section" aria-labelledby="invitations-heading">
          <h2 id="invitations-heading">Invitations not yet accepted</h2>
          {invitations.length === 0 ? (
            <p>None waiting.</p>
          ) : (
            <ul className="campaign-list">
              {invitations.map((i) => (
                <li key={i.id}>
                  <span>
                    <strong>{i.email}</strong> as {i.role}, invited by {i.invitedBy};{" "}
                    {i.expired ? "expired" : `until ${time.format(i.expiresAt)} UTC`}
                  </span>
                  <form action={revokeAction.bind(null, i.id)} className="inline-form">
                    <button type="submit" className="button-quiet" aria-label={`Revoke the invitation of ${i.email}`}>
                      Revoke
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          )}
        </section>
      </main>
    </>
  );
}
