import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { campaignFormValues } from "@/lib/campaign-input";
import { campaignForEditing } from "@/lib/campaigns";
import { OrganiserHeader } from "../../../_lib/OrganiserHeader";
import { requireRole } from "../../../_lib/session";
import { editCampaignAction } from "../../_campaign/actions";
import { CampaignForm } from "../../_campaign/CampaignForm";
import { StateControls } from "../../_campaign/StateControls";

export const metadata: Metadata = { title: "Edit campaign", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function EditCampaign({ params, searchParams }: PageProps<"/admin/petitions/[slug]/edit">) {
  const organiser = await requireRole("manage-campaigns");
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const campaign = await campaignForEditing(slug);
  if (!campaign) notFound();
  const publicPath = campaign.state === "published" ? `/p/${slug}` : `/admin/petitions/${slug}/preview`;
  return (
    <>
      <OrganiserHeader organiser={organiser} />
      <main id="main" className="admin">
        <p>
          <a href={`/admin/petitions/${slug}`}>← Dashboard</a> · <a href={publicPath}>{campaign.state === "published" ? "Public page" : "Preview the page"}</a>
        </p>
        <h1>Edit: {campaign.title}</h1>
        {query.created === "1" && (
          <p className="notice notice-ok" role="status">
            Draft created. Only organisers can see it until you publish it.
          </p>
        )}
        <StateControls campaign={campaign} />
        <section className="admin-section" aria-labelledby="content-heading">
          <h2 id="content-heading">Content and settings</h2>
          {/* Remounted when "Close now" or "Reopen" moves the closing time, so saving the form never puts back the old one. */}
          <CampaignForm
            key={campaign.closesAt?.getTime() ?? "open"}
            action={editCampaignAction.bind(null, slug)}
            initialState={{ submission: 0, values: campaignFormValues(campaign), errors: {} }}
            fixedSlug={slug}
            submitLabel="Save changes"
          />
        </section>
      </main>
    </>
  );
}
