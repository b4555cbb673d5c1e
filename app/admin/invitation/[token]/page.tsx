import type { Metadata } from "next";
import { describeInvitation } from "@/lib/auth/invitations";
import { roleDescriptions } from "@/lib/domain/roles";
import { acceptAction } from "./actions";
import { AcceptForm } from "./AcceptForm";

export const metadata: Metadata = { title: "Invitation to organise", robots: { index: false } };
export const dynamic = "force-dynamic";

const closed = {
  unknown: {
    heading: "This invitation link doesn't work",
    text: "It may have been revoked, or replaced by a newer invitation. Ask an owner to invite you again.",
  },
  used: { heading: "This invitation has been used", text: "Your account is set up: sign in with the password you chose." },
  expired: { heading: "This invitation has expired", text: "Invitations work for 7 days. Ask an owner to invite you again." },
};

/** Public: the invited organiser's page, reached from their email. Looking at it changes nothing. */
export default async function InvitationPage({ params }: PageProps<"/admin/invitation/[token]">) {
  const { token } = await params;
  const invitation = await describeInvitation(token);
  if (invitation.kind !== "open") {
    const { heading, text } = closed[invitation.kind];
    return (
      <main id="main" className="admin admin-narrow">
        <h1>{heading}</h1>
        <p>{text}</p>
        <p>
          <a href="/admin/login">Organiser sign-in</a>
        </p>
      </main>
    );
  }
  const until = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(invitation.expiresAt);
  return (
    <main id="main" className="admin admin-narrow">
      <h1>Join the organisers</h1>
      <p>
        {invitation.invitedBy} has invited <strong>{invitation.email}</strong> to organise on Countersign as{" "}
        <strong>{invitation.role}</strong>.
      </p>
      <p>{roleDescriptions[invitation.role]}.</p>
      <p>Choose a password to accept; this link works once, until {until} UTC.</p>
      <AcceptForm action={acceptAction.bind(null, token)} email={invitation.email} />
    </main>
  );
}
