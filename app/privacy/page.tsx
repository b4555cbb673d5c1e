import type { Metadata } from "next";
import { config } from "@/lib/config";
import { confirmationLifetimeMs } from "@/lib/confirmation-secrets";
import { mailRecordDays } from "@/lib/retention";

export const metadata: Metadata = { title: "Privacy", description: "What Countersign stores when you sign, why, and who sees it." };

// The retention period is a setting, so the page says what this site is set to.
export const dynamic = "force-dynamic";

export default function PrivacyPage() {
  const addressDays = config().CLIENT_ADDRESS_RETENTION_DAYS;
  const confirmationDays = confirmationLifetimeMs / (24 * 60 * 60 * 1000);
  return (
    <main id="main" className="plain-page prose">
      <h1>Your signature and your data</h1>
      <h2>What we store when you sign</h2>
      <p>
        Your full name, your email address, your country, your comment if you write one, your two choices (whether to
        show your name on the page, whether to get updates), the time you signed, and the internet address your
        signature came from. If you sign through the form, also how long the form was open before you sent it: a
        quick signature counts like any other, and the organisers see the time only as a hint when they look for
        signatures sent in bulk by machines.
      </p>
      <h2>Why</h2>
      <p>
        To count your signature once, to deliver the petition to the people it is addressed to, and, only if you ask, to
        email you about this campaign. Your email is how we make sure each person signs once, and how you confirm that
        the signature is really yours; it is never shown on the page. The internet address lets the organisers find and
        remove signatures sent in bulk by machines, so that the count stays honest.
      </p>
      <h2>Who can see it</h2>
      <p>
        The campaign&rsquo;s organisers can see your signature and export it to deliver the petition; every export is
        recorded. The public sees your first name, the initial of your last name, your country and when you signed, and
        only if you ticked &ldquo;Show my name on this page&rdquo;. We load no third-party scripts, trackers or
        advertising on these pages.
      </p>
      <h2>Emails we send</h2>
      <p>
        When the campaign asks for confirmation, one email with a link and a code to confirm; a signature that is never
        confirmed is not counted. If someone signs again with your address, a short note to tell you. Updates about
        the campaign only if you asked for them.
      </p>
      <h2>How long we keep it</h2>
      <ul>
        <li>
          A signature that is never confirmed is deleted when its confirmation link expires, {confirmationDays} days after
          it was sent.
        </li>
        <li>
          The internet address a signature came from is deleted after {addressDays} days; your signature still counts.
        </li>
        <li>
          To stop floods of fake signatures we count, for an hour at a time, how many signatures come from each internet
          address and email domain. Those counts are deleted within a day of running out.
        </li>
        <li>
          The record of an email we sent you (to whom, and when) is deleted {mailRecordDays.sent} days after it went out,
          or {mailRecordDays.failed} days after we gave up sending it. What the email said is deleted as soon as it is
          sent.
        </li>
        <li>
          Confirmed signatures are kept for as long as the campaign runs and the petition is being delivered. The
          organisers may keep signatures they have ruled out as fake, or that our bot trap caught, without counting
          them, to show why.
        </li>
      </ul>
      <p>
        These deletions run every day, and the organisers&rsquo; audit log records how many of each were made, never
        whose.
      </p>
      <h2>Your choices</h2>
      <p>
        Every email we send you has a link to withdraw your signature: it is deleted and the count goes down at once.
        You can also ask the campaign&rsquo;s organisers to erase everything they hold about you; erased signatures are
        deleted from the database, not hidden.
      </p>
      <p>
        <a href="/">Back to the petition</a>
      </p>
    </main>
  );
}
