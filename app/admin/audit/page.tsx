import type { Metadata } from "next";
import { recentAuditEvents } from "@/lib/audit";
import { requestLocale } from "../../_lib/request";
import { OrganiserHeader } from "../_lib/OrganiserHeader";
import { requireRole } from "../_lib/session";

export const metadata: Metadata = { title: "Audit log", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function AuditPage() {
  const organiser = await requireRole("view-audit");
  const [events, locale] = await Promise.all([recentAuditEvents(200), requestLocale()]);
  const time = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
  const number = new Intl.NumberFormat(locale);
  return (
    <>
      <OrganiserHeader organiser={organiser} />
      <main id="main" className="admin">
        <h1>Audit log</h1>
        <p>
          Every export, erasure, invalidation and block, and every change to the organisers: who, when, what and how
          many rows. Newest first.
        </p>
        {events.length === 0 ? (
          <p>Nothing recorded yet.</p>
        ) : (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">When (UTC)</th>
                  <th scope="col">Who</th>
                  <th scope="col">Action</th>
                  <th scope="col">Campaign</th>
                  <th scope="col">What</th>
                  <th scope="col">Rows</th>
                </tr>
              </thead>
              <tbody>
                {events.map((e) => (
                  <tr key={e.id}>
                    <td>{time.format(e.createdAt)}</td>
                    <td>{e.actor}</td>
                    <td>{e.action}</td>
                    <td>{e.campaignSlug}</td>
                    <td>{e.detail}</td>
                    <td>{number.format(e.rowCount)}</td>
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
