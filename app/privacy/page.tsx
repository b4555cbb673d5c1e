import type { Metadata } from "next";

export const metadata: Metadata = { title: "Privacy", description: "What Countersign stores when you sign, why, and who sees it." };

export default function PrivacyPage() {
  return (
    <main id="main" className="plain-page prose">
      <h1>Your signature and your data</h1>
      <h2>What we store when you sign</h2>
      <p>
        Your full name, your email address, your country, your comment if you write one, your two choices (whether to
        show your name on the page, whether to get updates), the time you signed, and the internet address your
        signature came from.
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
      <p>
        For as long as the campaign runs and the petition is being delivered. The organisers may keep signatures they
        have ruled out as fake, without counting them, to show why.
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
