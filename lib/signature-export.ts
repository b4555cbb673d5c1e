import { readPetitionCount, readSignaturePages, type ExportedSignature, type SignatureStatus } from "@/db/store";
import { recordAudit } from "./audit";
import { countryName } from "./countries";
import { csvCell, csvRow, utf8Bom } from "./csv";

export const exportPageSize = 5000;

export const exportHeader = [
  "Signed at (UTC)",
  "Name",
  "Email",
  "Country",
  "Country code",
  "Comment",
  "Shows name",
  "Wants updates",
  "Status",
] as const;

// The country columns as finished CSV, made once per code: some names hold commas.
const countryCells = new Map<string, string>();
const countryColumns = (code: string) => {
  let cells = countryCells.get(code);
  if (cells === undefined) countryCells.set(code, (cells = `${csvCell(countryName(code, "en"))},${csvCell(code)}`));
  return cells;
};

/**
 * One signature as a CSV record. Written out by hand rather than through csvRow: an export runs
 * this millions of times, and only the free-text cells can need quoting or neutralising.
 */
export function signatureRow([, signedAtMs, fullName, email, country, comment, showName, wantsUpdates, status]: ExportedSignature): string {
  return `${new Date(signedAtMs).toISOString()},${csvCell(fullName)},${csvCell(email)},${countryColumns(country)},${
    comment === null ? "" : csvCell(comment)
  },${showName ? "yes" : "no"},${wantsUpdates ? "yes" : "no"},${status}\r\n`;
}

type Progress = { rows: number; finished: boolean };

/** A campaign's signatures as CSV text, one chunk per keyset page, so memory stays flat at any size. */
export async function* signatureCsv(
  petitionId: number,
  statuses: readonly SignatureStatus[],
  progress: Progress = { rows: 0, finished: false },
): AsyncGenerator<string> {
  yield utf8Bom + csvRow(exportHeader);
  for await (const page of readSignaturePages(petitionId, exportPageSize, statuses)) {
    progress.rows += page.length;
    let chunk = "";
    for (const row of page) chunk += signatureRow(row);
    yield chunk;
  }
  progress.finished = true;
}

/**
 * The export of one campaign, named for the day it was taken; undefined when there is no such
 * campaign. Confirmed signatures only, unless pending or invalidated ones are asked for. When the
 * download ends, however it ends, the audit log records who took how many rows.
 */
export async function signatureExport(
  slug: string,
  options: { actor: string; statuses?: readonly SignatureStatus[]; now?: Date },
) {
  const petition = await readPetitionCount(slug);
  if (!petition) return undefined;
  const now = options.now ?? new Date();
  const statuses = options.statuses ?? ["confirmed"];
  async function* audited(): AsyncGenerator<string> {
    const progress = { rows: 0, finished: false };
    try {
      yield* signatureCsv(petition!.id, statuses, progress);
    } finally {
      await recordAudit({
        actor: options.actor,
        action: "export",
        petitionSlug: slug,
        detail: `CSV of ${statuses.join(", ")} signatures${progress.finished ? "" : ", stopped before the end"}`,
        rowCount: progress.rows,
      });
    }
  }
  return { filename: `${petition.slug}-signatures-${now.toISOString().slice(0, 10)}.csv`, chunks: audited() };
}
