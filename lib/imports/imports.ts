import { stores } from "@/lib/stores";
import { recordAudit } from "../audit";
import { emailRefusal } from "../email-policy";
import { liveHub } from "../live-hub";
import { guessMapping, mappingInput, type ColumnMapping } from "./column-mapping";
import { decodeCsvFile, readCsv, type CsvRefusal, type CsvTable } from "./csv-file";
import { buildReport, type ImportReport } from "./import-report";
import type { SignatureImport } from "../domain/signature-import";

/** Rows stored, or removed, per transaction: a few milliseconds of SQLite's writer each. */
export const importBatchRows = 500;
/** How long an uploaded file waits for its import before housekeeping deletes it. */
export const stagedLifetimeMs = 24 * 60 * 60 * 1000;

export type StageOutcome = { kind: "staged"; importId: number } | CsvRefusal | { kind: "not-found" };

/** Keeps an uploaded file in the database for the organiser's next steps, if it reads as a CSV. */
export async function stageImport(slug: string, file: { name: string; bytes: Uint8Array }, actor: string, now = new Date()): Promise<StageOutcome> {
  const campaign = await stores().campaigns.readCampaignStanding(slug);
  if (!campaign) return { kind: "not-found" };
  const decoded = decodeCsvFile(file.bytes);
  if (decoded.kind === "refused") return decoded;
  const read = await readCsv(decoded.text);
  if (read.kind === "refused") return read;
  const importId = await stores().imports.insertSignatureImport({
    campaignId: campaign.id,
    // Only for the history list: the name without its folders, and never longer than a line.
    fileName: (file.name.split(/[\\/]/).pop() || "upload.csv").slice(0, 200),
    stagedCsv: decoded.text,
    totalRows: read.table.rows.length,
    createdBy: actor,
    createdAt: now,
  });
  return { kind: "staged", importId };
}

export type OpenImport = {
  campaignId: number;
  record: SignatureImport;
  /** While staged: the file's header, and the mapping its names suggest. */
  staged?: { header: string[]; guessed: ColumnMapping };
};

async function loadImport(slug: string, importId: number) {
  const campaign = await stores().campaigns.readCampaignStanding(slug);
  const found = campaign && (await stores().imports.findSignatureImport(campaign.id, importId));
  if (!campaign || !found) return undefined;
  const { stagedCsv, ...record } = found;
  const read = stagedCsv !== null && (record.status === "staged" || record.status === "importing") ? await readCsv(stagedCsv) : undefined;
  return { campaignId: campaign.id, record, table: read?.kind === "read" ? read.table : undefined };
}

/** An import as its page shows it. */
export async function openImport(slug: string, importId: number): Promise<OpenImport | undefined> {
  const loaded = await loadImport(slug, importId);
  if (!loaded) return undefined;
  const { campaignId, record, table } = loaded;
  return { campaignId, record, staged: table && { header: table.header, guessed: guessMapping(table.header) } };
}

export type MappingErrors = Partial<Record<string, string>>;

export type PreviewOutcome =
  | { kind: "report"; report: ImportReport }
  | { kind: "invalid-mapping"; errors: MappingErrors }
  /** The import is no longer waiting (done, undone or expired). */
  | { kind: "gone" };

async function reportFor(campaignId: number, table: CsvTable, raw: Record<string, unknown>, now: Date) {
  const parsed = mappingInput(table.header.length).safeParse(raw);
  if (!parsed.success) {
    const errors: MappingErrors = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    return { kind: "invalid-mapping" as const, errors };
  }
  const mapping = parsed.data;
  const built = await buildReport(table, mapping, now, {
    refusal: emailRefusal,
    signedKeys: (keys) => stores().imports.findSignedEmailKeys(campaignId, keys),
  });
  return { kind: "built" as const, mapping, ...built };
}

/** The report on a staged file read with the organiser's mapping; nothing is stored. */
export async function previewImport(slug: string, importId: number, raw: Record<string, unknown>, now = new Date()): Promise<PreviewOutcome> {
  const loaded = await loadImport(slug, importId);
  if (!loaded?.table || loaded.record.status !== "staged") return { kind: "gone" };
  const built = await reportFor(loaded.campaignId, loaded.table, raw, now);
  return built.kind === "built" ? { kind: "report", report: built.report } : built;
}

export type ImportOutcome = { kind: "imported"; record: SignatureImport } | { kind: "invalid-mapping"; errors: MappingErrors } | { kind: "gone" };

/**
 * Stores the file's valid rows with one address each as confirmed signatures of the campaign, a
 * range at a time, marked with the import so it can be undone. An address that has signed is
 * left as it was. No email goes to anyone: they signed elsewhere, and agreed to nothing here.
 * Run again on an import cut short (a restart), it stores only the rows still missing.
 */
export async function runImport(slug: string, importId: number, raw: Record<string, unknown>, actor: string, now = new Date()): Promise<ImportOutcome> {
  const loaded = await loadImport(slug, importId);
  if (!loaded?.table) return { kind: "gone" };
  const built = await reportFor(loaded.campaignId, loaded.table, raw, now);
  if (built.kind !== "built") return built;
  const { report, signers, mapping } = built;
  const begun = await stores().imports.beginSignatureImport(importId, JSON.stringify(mapping), {
    totalRows: report.totalRows,
    validRows: report.validRows,
    invalidRows: report.invalidRows,
  });
  if (!begun) return { kind: "gone" };
  for (let from = 0; from < signers.length; from += importBatchRows) {
    const stored = await stores().imports.insertImportedSignatures(importId, signers.slice(from, from + importBatchRows), now);
    liveHub().notify(slug);
    if (stored.kind === "stopped") return { kind: "gone" };
  }
  const record = await stores().imports.finishSignatureImport(importId, new Date());
  if (!record) return { kind: "gone" };
  await recordAudit({
    actor,
    action: "import",
    campaignSlug: slug,
    detail: `imported ${record.importedRows} of ${record.totalRows} rows from ${record.fileName} (import ${importId}): ${record.invalidRows} invalid, ${record.duplicateRows} duplicates`,
    rowCount: record.importedRows,
  });
  return { kind: "imported", record };
}

export type UndoOutcome = { kind: "undone"; removed: number } | { kind: "gone" };

/** Deletes every signature the import stored (whatever has become of them) and fixes the counts. */
export async function undoImport(slug: string, importId: number, actor: string, now = new Date()): Promise<UndoOutcome> {
  const loaded = await loadImport(slug, importId);
  if (!loaded || !(await stores().imports.beginUndoSignatureImport(importId))) return { kind: "gone" };
  let removed = 0;
  for (let batch = -1; batch !== 0; removed += batch) {
    batch = await stores().imports.deleteImportedSignatures(importId, importBatchRows, now);
    if (batch > 0) liveHub().notify(slug);
  }
  // Two presses at once both remove rows; only the one that finishes records it.
  if (!(await stores().imports.finishUndoSignatureImport(importId, new Date()))) return { kind: "undone", removed };
  await recordAudit({
    actor,
    action: "undo-import",
    campaignSlug: slug,
    detail: `undid import ${importId} of ${loaded.record.fileName}: ${removed} signatures deleted`,
    rowCount: removed,
  });
  return { kind: "undone", removed };
}

/**
 * Deletes uploaded files never imported within a day: people's data is not kept for nothing. An
 * import cut short (a crash) keeps its rows and its history, so Undo still removes them by the
 * import's id, but its file goes: it can no longer be resumed, only undone. Returns how many
 * imports lost their file.
 */
export async function expireStagedImports(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - stagedLifetimeMs);
  return (await stores().imports.deleteStaleImports(before)) + (await stores().imports.dropStaleImportFiles(before));
}
