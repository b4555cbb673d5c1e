import { stores } from "@/lib/stores";
import type { SignatureImport } from "../domain/signature-import";

/** What the dashboard shows of a campaign's imports: the confirmed signatures they hold now, and each import. */
export async function importHistory(slug: string): Promise<{ title: string; imported: number; imports: SignatureImport[] } | undefined> {
  const campaign = await stores().campaigns.readCampaignStanding(slug);
  if (!campaign) return undefined;
  const [imported, imports] = await Promise.all([stores().imports.countImportedSignatures(campaign.id), stores().imports.listSignatureImports(campaign.id)]);
  return { title: campaign.title, imported, imports };
}
