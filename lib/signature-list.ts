import { stores } from "./stores";
import { parseSignatureSearch, type ParsedSignatureSearch, type SignatureListPage, type SignatureSearchFields } from "./domain/signature-search";

export type SignatureListView =
  | { kind: "list"; slug: string; title: string; fields: SignatureSearchFields; page: SignatureListPage }
  | { kind: "invalid"; slug: string; title: string; fields: SignatureSearchFields; errors: Extract<ParsedSignatureSearch, { kind: "invalid" }>["errors"] };

/**
 * A page of a campaign's signatures as an organiser searched for them in the query string, or what
 * is wrong with the search; undefined when there is no such campaign.
 */
export async function signatureList(slug: string, query: Record<string, string | string[] | undefined>): Promise<SignatureListView | undefined> {
  const campaign = await stores().campaigns.readCampaignStanding(slug);
  if (!campaign) return undefined;
  const parsed = parseSignatureSearch(query);
  const about = { slug: campaign.slug, title: campaign.title, fields: parsed.fields };
  if (parsed.kind === "invalid") return { kind: "invalid", ...about, errors: parsed.errors };
  return { kind: "list", ...about, page: await stores().signatures.searchSignatures({ ...parsed.search, campaignId: campaign.id }, parsed.page) };
}

/** The newest few signatures, for the campaign's dashboard. */
export async function latestSignatures(campaignId: number, size: number) {
  return (await stores().signatures.searchSignatures({ campaignId }, { direction: "older", size })).rows;
}
