import type { Metadata } from "next";
import { blankCampaignValues } from "@/lib/campaign-input";
import { OrganiserHeader } from "../../_lib/OrganiserHeader";
import { requireRole } from "../../_lib/session";
import { createCampaignAction } from "../_campaign/actions";
import { CampaignForm } from "../_campaign/CampaignForm";

export const metadata: Metadata = { title: "New campaign", robots: { index: false } };

export default async function NewCampaign() {
  const organiser = await requireRole("manage-campaigns");
  return (
    <>
      <OrganiserHeader organiser={organiser} />
      <main id="main" className="admin">
        <p>
          <a href="/admin">← Campaigns</a>
        </p>
        <h1>New campaign</h1>
        <p>It starts as a draft, seen only by organisers, until you publish it.</p>
        <CampaignForm action={createCampaignAction} initialState={{ submission: 0, values: blankCampaignValues(), errors: {} }} submitLabel="Create draft" />
      </main>
    </>
  );
}
