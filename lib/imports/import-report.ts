import { setImmediate as nextTurn } from "node:timers/promises";
import type { SignatureProblem } from "../signature-input";
import type { ColumnMapping } from "./column-mapping";
import type { CsvTable } from "./csv-file";
import { checkRow, describeProblem } from "./import-rows";
import type { ImportedSigner } from "../domain/signature-import";

/** How many of each list the report shows; the counts are always whole. */
export const reportListLimit = 200;
const previewRows = 10;
// Rows checked between turns of the event loop: a large file's report never keeps this process
// from answering its other requests for more than a moment.
const rowsPerTurn = 1_000;

export type RowOutcome = "import" | "invalid" | "duplicate in file" | "already signed";

/** One row as the mapping reads it, with what will become of it. */
export type PreviewRow = { row: number; fullName: string; email: string; country: string; signedAt: string; outcome: RowOutcome };

export type ImportReport = {
  totalRows: number;
  /** Rows that pass every check, duplicates among them. */
  validRows: number;
  invalidRows: number;
  duplicatesInFile: number;
  alreadySigned: number;
  toImport: number;
  preview: PreviewRow[];
  invalid: { row: number; reasons: string[] }[];
  duplicates: { row: number; email: string; firstRow?: number }[];
};

export type ReportChecks = {
  /** Why the organisers' block list refuses an address, as the signing form asks (lib/email-policy.ts). */
  refusal: (emailKey: string, emailDomain: string) => Promise<SignatureProblem | undefined>;
  /** Which of these keys have signed the campaign already. */
  signedKeys: (emailKeys: string[]) => Promise<string[]>;
};

/**
 * Every row of the file checked, and deduplicated by the signing form's email key: the first row
 * of an address in the file is the one kept. Returns the report and the signers to store.
 */
export async function buildReport(table: CsvTable, mapping: ColumnMapping, now: Date, checks: ReportChecks): Promise<{ report: ImportReport; signers: ImportedSigner[] }> {
  const outcomes = new Map<number, RowOutcome>();
  const invalid: ImportReport["invalid"] = [];
  const duplicates: (ImportReport["duplicates"][number] & { kind: "file" | "signed" })[] = [];
  const firstRowOf = new Map<string, number>();
  const unique: { row: number; signer: ImportedSigner }[] = [];
  let validRows = 0;

  for (const [index, { row, cells }] of table.rows.entries()) {
    if (index % rowsPerTurn === rowsPerTurn - 1) await nextTurn();
    const checked = checkRow(cells, mapping, now);
    const refusal = checked.kind === "valid" ? await checks.refusal(checked.signer.emailKey, checked.signer.emailDomain) : undefined;
    if (checked.kind === "invalid" || refusal) {
      invalid.push({ row, reasons: checked.kind === "invalid" ? checked.reasons : [describeProblem(refusal!)] });
      outcomes.set(row, "invalid");
      continue;
    }
    validRows++;
    const first = firstRowOf.get(checked.signer.emailKey);
    if (first !== undefined) {
      duplicates.push({ row, email: checked.signer.email, firstRow: first, kind: "file" });
      outcomes.set(row, "duplicate in file");
      continue;
    }
    firstRowOf.set(checked.signer.emailKey, row);
    unique.push({ row, signer: checked.signer });
  }

  const signed = new Set(await checks.signedKeys(unique.map((u) => u.signer.emailKey)));
  const signers: ImportedSigner[] = [];
  for (const { row, signer } of unique) {
    if (signed.has(signer.emailKey)) {
      duplicates.push({ row, email: signer.email, kind: "signed" });
      outcomes.set(row, "already signed");
    } else {
      signers.push(signer);
      outcomes.set(row, "import");
    }
  }
  duplicates.sort((a, b) => a.row - b.row);

  const cell = (cells: readonly string[], index: number | undefined) => (index === undefined ? "" : (cells[index] ?? "").trim());
  const preview = table.rows.slice(0, previewRows).map(({ row, cells }) => ({
    row,
    fullName: mapping.fullName !== undefined ? cell(cells, mapping.fullName) : [cell(cells, mapping.firstName), cell(cells, mapping.lastName)].filter(Boolean).join(" "),
    email: cell(cells, mapping.email),
    country: cell(cells, mapping.country),
    signedAt: cell(cells, mapping.signedAt),
    outcome: outcomes.get(row)!,
  }));

  const duplicatesInFile = duplicates.filter((d) => d.kind === "file").length;
  return {
    report: {
      totalRows: table.rows.length,
      validRows,
      invalidRows: invalid.length,
      duplicatesInFile,
      alreadySigned: duplicates.length - duplicatesInFile,
      toImport: signers.length,
      preview,
      invalid: invalid.slice(0, reportListLimit),
      duplicates: duplicates.slice(0, reportListLimit).map(({ row, email, firstRow }) => ({ row, email, ...(firstRow === undefined ? {} : { firstRow }) })),
    },
    signers,
  };
}
