import { readPetitionCount, readSignaturePages, type ExportedSignature } from "@/db/store";
import { countryName } from "./countries";
import { csvRow, utf8Bom } from "./csv";

export const exportPageSize = 2000;

export const exportHeader = [
  "Signed at (UTC)",
  "Name",
  "Email",
  "Country",
  "Country code",
  "Comment",
  "Shows name",
  "Wants updates",
] as const;

function signatureRow(s: ExportedSignature): string {
  return csvRow([
    s.signedAt.toISOString(),
    s.fullName,
    s.email,
    countryName(s.country, "en"),
    s.country,
    s.comment ?? "",
    s.showName ? "yes" : "no",
    s.wantsUpdates ? "yes" : "no",
  ]);
}

/** A campaign's signatures as CSV text, one chunk per keyset page, so memory stays flat at any size. */
export async function* signatureCsv(petitionId: number): AsyncGenerator<string> {
  yield utf8Bom + csvRow(exportHeader);
  for await (const page of readSignaturePages(petitionId, exportPageSize)) {
    yield page.map(signatureRow).join("");
  }
}

/** The export of one campaign, named for the day it was taken; undefined when there is no such campaign. */
export async function signatureExport(slug: string, now = new Date()) {
  const petition = await readPetitionCount(slug);
  if (!petition) return undefined;
  return {
    filename: `${petition.slug}-signatures-${now.toISOString().slice(0, 10)}.csv`,
    chunks: signatureCsv(petition.id),
  };
}
