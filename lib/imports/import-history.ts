import { countImportedSignatures, listSignatureImports, readCampaignCount } from "@/db/store";
import type { SignatureImport } from "../domain/signature-import";

/** What the dashboard shows of a campaign's imports: the confirmed signatures they hold now, and each import. */
export async function importHistory(slug: string): Promise<{ title: string; imported: number; imports: SignatureImport[] } | undefined> {
  const campaign = await readCampaignCount(slug);
  if (!campaign) return undefined;
  const [imported, imports] = await Promise.all([countImportedSignatures(campaign.id), listSignatureImports(campaign.id)]);
  return { title: campaign.title, imported, imports };
}
