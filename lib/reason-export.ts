import { stores } from "./stores";
import { recordAudit } from "./audit";
import { countryName } from "./domain/countries";
import { csvRow, utf8Bom } from "./domain/csv";
import type { PublicReason } from "./domain/reasons";
import { publicReason } from "./reason-wall";

const perRead = 500;

/** Every reason on the page now, newest first, a read at a time: what the CSV and the delivery report carry. */
export async function* shownReasons(campaignId: number): AsyncGenerator<PublicReason[]> {
  for (let offset = 0; ; offset += perRead) {
    const { rows } = await stores().reasons.listShownReasons(campaignId, "newest", offset, perRead);
    if (rows.length > 0) yield rows.map(publicReason);
    if (rows.length < perRead) return;
  }
}

/** How a reason names its signer to the people the petition is delivered to: as the page does. */
export const shownAs = (reason: PublicReason) => (reason.name ? `${reason.name}, ${countryName(reason.country, "en")}` : `A signer from ${countryName(reason.country, "en")}`);

export const reasonExportHeader = ["Given at (UTC)", "Reason", "Shown as", "Country", "Country code", "Agree"] as const;

/**
 * The reasons shown on the page as a CSV (approved ones, whose signature counts; never an email or a full name), named for
 * the day; undefined when there is no such campaign. The download is audited as the signatures' is.
 */
export async function reasonExport(slug: string, actor: string, now = new Date()) {
  const campaign = await stores().campaigns.readCampaignStanding(slug);
  if (!campaign) return undefined;
  let rows = 0;
  let text = utf8Bom + csvRow(reasonExportHeader);
  for await (const page of shownReasons(campaign.id)) {
    rows += page.length;
    text += page.map((r) => csvRow([r.createdAt, r.text, shownAs(r), countryName(r.country, "en"), r.country, String(r.agrees)])).join("");
  }
  await recordAudit({ actor, action: "export", campaignSlug: slug, detail: "CSV of the reasons shown on the page", rowCount: rows });
  return { filename: `${campaign.slug}-reasons-${now.toISOString().slice(0, 10)}.csv`, csv: text };
}
