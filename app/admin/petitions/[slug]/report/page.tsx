import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { campaignStanding } from "@/lib/campaign-status";
import { can } from "@/lib/domain/roles";
import { requestLocale } from "../../../../_lib/request";
import { OrganiserHeader } from "../../../_lib/OrganiserHeader";
import { requireRole } from "../../../_lib/session";

export const metadata: Metadata = { title: "Delivery report", robots: { index: false } };
export const dynamic = "force-dynamic";

/** Where an organiser chooses what goes in the delivery report, and downloads it. */
export default async function DeliveryReportPage({ params }: PageProps<"/admin/petitions/[slug]/report">) {
  const organiser = await requireRole("view-dashboard");
  const { slug } = await params;
  const [campaign, locale] = await Promise.all([campaignStanding(slug), requestLocale()]);
  if (!campaign) notFound();
  const number = new Intl.NumberFormat(locale);
  const mayIncludeNames = can(organiser.role, "export");
  return (
    <>
      <OrganiserHeader organiser={organiser} />
      <main id="main" className="admin">
        <p className="kicker">
          <a href={`/admin/petitions/${campaign.slug}`}>{campaign.title}</a>
        </p>
        <h1>Delivery report</h1>
        <p>
          A PDF to hand to the people the petition is addressed to: the petition and its story, the total of{" "}
          {number.format(campaign.signatureCount + campaign.signaturesElsewhere)} signatures and how they were verified,
          signatures by country with a world map, and signatures per day.
        </p>
        <form method="get" action={`/admin/petitions/${campaign.slug}/report.pdf`} className="admin-form">
          {mayIncludeNames ? (
            <div className="check">
              <input id="names" name="names" type="checkbox" aria-describedby="names-note" />
              <label htmlFor="names">Include the names and countries of the signers</label>
            </div>
          ) : null}
          <p id="names-note">
            {mayIncludeNames
              ? `With this ticked, the report lists the full name and country of each of the ${number.format(campaign.signatureCount)} people whose signature here counts, whether or not they chose to show their name on the page: delivering their names is what they signed for. Email addresses and comments are never included. The download is recorded in the audit log.`
              : "Only an owner can download the report with signers' names; yours has the figures and charts."}
          </p>
          <div className="check">
            <input id="reasons" name="reasons" type="checkbox" aria-describedby="reasons-note" />
            <label htmlFor="reasons">Include why people signed: the reasons shown on the page</label>
          </div>
          <p id="reasons-note">Only approved reasons whose signature counts, each named as the page names it (a first name and initial, or only a country).</p>
          <button type="submit">Download the delivery report (PDF)</button>
        </form>
      </main>
    </>
  );
}
