import { notFound } from "next/navigation";
import { issueFormToken } from "@/lib/bot-checks";
import { absoluteUrl, requestLocale } from "../_lib/request";
import { CampaignView } from "./CampaignView";
import { loadCampaign } from "./load";

export async function CampaignPage({ slug, path }: { slug: string; path: string }) {
  const found = await loadCampaign(slug);
  if (!found) notFound();
  return (
    <CampaignView
      petition={found.petition}
      snapshot={found.snapshot}
      renderedAt={found.renderedAt}
      formToken={issueFormToken(found.renderedAt)}
      locale={await requestLocale()}
      pageUrl={await absoluteUrl(path)}
    />
  );
}
