import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { mailConfigured } from "@/lib/config";
import { updatesOverview } from "@/lib/updates/campaign-updates";
import { OrganiserHeader } from "../../../_lib/OrganiserHeader";
import { requireRole } from "../../../_lib/session";
import { composeAction } from "./actions";
import { ComposeForm } from "./ComposeForm";
import { UpdateList } from "./UpdateList";

export const metadata: Metadata = { title: "Updates to signers", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function UpdatesPage({ params }: PageProps<"/admin/petitions/[slug]/updates">) {
  const organiser = await requireRole("send-updates");
  const { slug } = await params;
  const overview = await updatesOverview(slug);
  if (!overview) notFound();
  return (
    <>
      <OrganiserHeader organiser={organiser} />
      <main id="main" className="admin">
        <p className="kicker">
          <Link href={`/admin/petitions/${overview.slug}`}>{overview.title}</Link>
        </p>
        <h1>Updates to signers</h1>
        <p>
          An update goes to the signers who asked for updates, have not unsubscribed, and either confirmed their address by the emailed link or
          came in an import whose &ldquo;wants updates&rdquo; column said yes. Signatures taken without email confirmation never get one: anyone could
          have typed that address. {overview.recipients.toLocaleString("en")} now.
        </p>
        {!mailConfigured() && (
          <p className="notice" role="note">
            Email isn&apos;t set up here (SMTP_URL), so updates are kept and queued but none can go out until it is.
          </p>
        )}
        <section className="admin-section" aria-labelledby="compose-heading">
          <h2 id="compose-heading">Write an update</h2>
          <ComposeForm action={composeAction.bind(null, overview.slug)} recipients={overview.recipients} />
        </section>
        <section className="admin-section" aria-labelledby="sent-heading">
          <h2 id="sent-heading">Sent updates</h2>
          <UpdateList updates={overview.updates} />
        </section>
      </main>
    </>
  );
}
