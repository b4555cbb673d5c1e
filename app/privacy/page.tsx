import type { Metadata } from "next";

export const metadata: Metadata = { title: "Privacy", description: "What Countersign stores when you sign, why, and who sees it." };

export default function PrivacyPage() {
  return (
    <main id="main" className="plain-page prose">
      <h1>Your signature and your data</h1>
      <h2>What we store when you sign</h2>
      <p>
        Your full name, your email address, your country, your comment if you write one, your two choices (whether to
        show your name on the page, whether to get updates) and the time you signed.
      </p>
      <h2>Why</h2>
      <p>
        To count your signature once, to deliver the petition to the people it is addressed to, and, only if you ask, to
        email you about this campaign. Your email is how we make sure each person signs once; it is never shown on the
        page.
      </p>
      <h2>Who can see it</h2>
      <p>
        The campaign&rsquo;s organisers can see and export every signature to deliver the petition. The public sees your
        first name, the initial of your last name, your country and when you signed, and only if you ticked &ldquo;Show
        my name on this page&rdquo;. We load no third-party scripts, trackers or advertising on these pages.
      </p>
      <h2>How long we keep it</h2>
      <p>
        For as long as the campaign runs and the petition is being delivered. To have your signature removed sooner,
        write to the campaign&rsquo;s organisers from the address you signed with.
      </p>
      <p>
        <a href="/">Back to the petition</a>
      </p>
    </main>
  );
}
