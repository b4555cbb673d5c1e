import type { Metadata } from "next";
import { can } from "@/lib/domain/roles";
import { listCampaignTotals } from "@/lib/campaign-status";
import { OrganiserHeader } from "./_lib/OrganiserHeader";
import { requireRole } from "./_lib/session";
import { requestLocale } from "../_lib/request";

const stateLabels = { draft: "Draft", published: "Published", unpublished: "Unpublished" } as const;

export const metadata: Metadata = { title: "Campaigns", robots: { index: false } };

export default async function OrganiserHome() {
  const organiser = await requireRole("view-dashboard");
  const [campaigns, locale] = await Promise.all([listCampaignTotals(), requestLocale()]);
  const number = new Intl.NumberFormat(locale);
  return (
    <>
      <OrganiserHeader organiser={organiser} />
      <main id="main" className="admin">
        <h1>Campaigns</h1>
        {can(organiser.role, "manage-campaigns") && (
          <p>
            <a className="button-link" href="/admin/petitions/new">
              New campaign
            </a>
          </p>
        )}
        <ul className="campaign-list">
          {campaigns.map((c) => (
            <li key={c.slug}>
              <a href={`/admin/petitions/${c.slug}`}>{c.title}</a>
              <span className={`campaign-state campaign-state-${c.state}`}>{stateLabels[c.state]}{c.closed ? ", closed" : ""}</span>
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
