import type { Metadata } from "next";
import { listCampaignTotals } from "@/lib/petitions";
import { AdminHeader } from "./_lib/AdminHeader";
import { requireRole } from "./_lib/session";
import { requestLocale } from "../_lib/request";

export const metadata: Metadata = { title: "Campaigns", robots: { index: false } };

export default async function AdminHome() {
  const admin = await requireRole("view-dashboard");
  const [campaigns, locale] = await Promise.all([listCampaignTotals(), requestLocale()]);
  const number = new Intl.NumberFormat(locale);
  return (
    <>
      <AdminHeader admin={admin} />
      <main id="main" className="admin">
        <h1>Campaigns</h1>
        <ul className="campaign-list">
          {campaigns.map((c) => (
            <li key={c.slug}>
              <a href={`/admin/petitions/${c.slug}`}>{c.title}</a>
              <span>
                {number.format(c.total)} of {number.format(c.goal)} signatures
              </span>
            </li>
          ))}
        </ul>
      </main>
    </>
  );
}
