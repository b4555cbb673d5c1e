import type { Role } from "../domain/roles";
import type { MailDraft } from "../domain/model";

// Organisers' pages and mail are in English for now, as the admin is (app/admin/layout.tsx).

const roleWords: Record<Role, string> = {
  owner: "an owner (everything, including exports, erasure and inviting others)",
  editor: "an editor (campaigns, updates and moderation; no exports or erasure)",
  viewer: "a viewer (the dashboards)",
};

/** The invitation to become an organiser: who asks, for what role, and the link that sets a password. */
export function invitationMessage(invitation: { toAddress: string; invitedBy: string; role: Role; link: string; expiresAt: Date }): MailDraft {
  const until = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(invitation.expiresAt);
  return {
    kind: "organiser-invitation",
    toAddress: invitation.toAddress,
    subject: "You're invited to organise on Countersign",
    body: [
      "Hello,",
      `${invitation.invitedBy} has invited you to join the campaign's organisers on Countersign as ${roleWords[invitation.role]}.`,
      `To accept, choose a password here (the link works once, until ${until} UTC):\n${invitation.link}`,
      "If you weren't expecting this, you can ignore it: nothing happens unless the link is used.",
    ].join("\n\n") + "\n",
  };
}
