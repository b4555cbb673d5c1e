import { countImportedSignatures, listSignatureImports, readPetitionCount } from "@/db/store";
import type { SignatureImport } from "./signature-import";

/** What the dashboard shows of a campaign's imports: the confirmed signatures they hold now, and each import. */
export async function importHistory(slug: string): Promise<{ title: string; imported: number; imports: SignatureImport[] } | undefined> {
  const petition = await readPetitionCount(slug);
  if (!petition) return undefined;
  const [imported, imports] = await Promise.all([countImportedSignatures(petition.id), listSignatureImports(petition.id)]);
  return { title: petition.title, imported, imports };
}
