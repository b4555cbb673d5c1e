import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { countryName } from "@/lib/countries";
import { campaignDashboard } from "@/lib/dashboard";
import { requestLocale } from "../../../_lib/request";
import { AdminHeader } from "../../_lib/AdminHeader";
import { requireAdmin } from "../../_lib/session";

export const metadata: Metadata = { title: "Campaign dashboard", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function CampaignDashboard({ params }: PageProps<"/admin/petitions/[slug]">) {
  const admin = await requireAdmin();
  const [dashboard, locale] = await Promise.all([campaignDashboard((await params).slug), requestLocale()]);
  if (!dashboard) notFound();
  const number = new Intl.NumberFormat(locale);
  const time = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

  return (
    <>
      <AdminHeader email={admin.email} />
      <main id="main" className="admin">
        <p className="kicker">Campaign</p>
        <h1>{dashboard.title}</h1>
        <dl className="stats">
          <div>
            <dt>Total</dt>
            <dd>{number.format(dashboard.total)}</dd>
          </div>
          <div>
            <dt>Signed here</dt>
            <dd>{number.format(dashboard.signaturesHere)}</dd>
          </div>
          <div>
            <dt>Today (UTC)</dt>
            <dd>{number.format(dashboard.today)}</dd>
          </div>
          <div>
            <dt>Last hour</dt>
            <dd>{number.format(dashboard.lastHour)}</dd>
          </div>
        </dl>
        <p className="stats-note">
          The total includes {number.format(dashboard.signaturesElsewhere)} signatures gathered elsewhere before this page
          opened; the export holds the {number.format(dashboard.signaturesHere)} signed here.
        </p>
        <p>
          <a className="button-link" href={`/admin/petitions/${dashboard.slug}/signatures.csv`} download>
            Download all signatures (CSV)
          </a>
        </p>
        <h2>Latest signatures</h2>
        {dashboard.signatures.length === 0 ? (
          <p>No one has signed here yet.</p>
        ) : (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Signed (UTC)</th>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Country</th>
                  <th scope="col">Listed</th>
                  <th scope="col">Updates</th>
                  <th scope="col">Comment</th>
                </tr>
              </thead>
              <tbody>
                {dashboard.signatures.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <time dateTime={s.signedAt.toISOString()}>{time.format(s.signedAt)}</time>
                    </td>
                    <td>{s.fullName}</td>
                    <td>{s.email}</td>
                    <td>{countryName(s.country, locale)}</td>
                    <td>{s.showName ? "Yes" : "No"}</td>
                    <td>{s.wantsUpdates ? "Yes" : "No"}</td>
                    <td>{s.comment}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </main>
    </>
  );
}
