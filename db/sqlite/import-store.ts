import { setImmediate as nextTurn } from "node:timers/promises";
import { and, count, desc, eq, inArray, isNotNull, lt, sql } from "drizzle-orm";
import type { ImportCounts, ImportedSigner, SignatureImport, StagedImport } from "@/lib/domain/signature-import";
import { nameKey } from "@/lib/domain/name-key";
import type { ImportBatchOutcome, NewSignatureImport } from "@/lib/store-contract";
import { database, inTransaction, preparedStatements } from "./client";
import { adjustCounts } from "./campaign-row-store";
import { campaigns, signatureImports, signatures } from "./schema";
import { walScrubber } from "./wal-scrub";

// Every step here is one short transaction: the caller (lib/imports/imports.ts) hands the rows over
// a range at a time, so a large file never holds SQLite's only writer for more than a moment, and
// each range waits a turn of the event loop first, so signatures arriving meanwhile go in between.

const statements = preparedStatements(({ orm }) => ({
  // One row a run, prepared once: a thousand runs cost far less than building one statement of a
  // thousand rows' values each time.
  insert: orm
    .insert(signatures)
    .values({
      campaignId: sql.placeholder("campaignId"),
      status: "confirmed",
      fullName: sql.placeholder("fullName"),
      nameKey: sql.placeholder("nameKey"),
      email: sql.placeholder("email"),
      emailKey: sql.placeholder("emailKey"),
      emailDomain: sql.placeholder("emailDomain"),
      country: sql.placeholder("country"),
      showName: sql.placeholder("showName"),
      wantsUpdates: sql.placeholder("wantsUpdates"),
      signedAt: sql.placeholder("signedAt"),
      importId: sql.placeholder("importId"),
      locale: sql.placeholder("locale"),
    })
    // The unique index decides who has signed, so a signer arriving meanwhile is never counted twice.
    .onConflictDoNothing({ target: [signatures.campaignId, signatures.emailKey] })
    .prepare(),
}));

const summary = {
  id: signatureImports.id,
  campaignId: signatureImports.campaignId,
  fileName: signatureImports.fileName,
  status: signatureImports.status,
  totalRows: signatureImports.totalRows,
  validRows: signatureImports.validRows,
  invalidRows: signatureImports.invalidRows,
  duplicateRows: signatureImports.duplicateRows,
  importedRows: signatureImports.importedRows,
  createdBy: signatureImports.createdBy,
  createdAt: signatureImports.createdAt,
  importedAt: signatureImports.importedAt,
  undoneAt: signatureImports.undoneAt,
};

export async function insertSignatureImport(staged: NewSignatureImport): Promise<number> {
  const [row] = database().orm.insert(signatureImports).values(staged).returning({ id: signatureImports.id }).all();
  return row!.id;
}

export async function findSignatureImport(campaignId: number, importId: number): Promise<StagedImport | undefined> {
  const [row] = database()
    .orm.select({ ...summary, stagedCsv: signatureImports.stagedCsv })
    .from(signatureImports)
    .where(and(eq(signatureImports.id, importId), eq(signatureImports.campaignId, campaignId)))
    .all();
  return row;
}

export async function listSignatureImports(campaignId: number): Promise<SignatureImport[]> {
  return database().orm.select(summary).from(signatureImports).where(eq(signatureImports.campaignId, campaignId)).orderBy(desc(signatureImports.id)).all();
}

export async function countImportedSignatures(campaignId: number): Promise<number> {
  const [row] = database()
    .orm.select({ n: count() })
    .from(signatures)
    .innerJoin(signatureImports, eq(signatureImports.id, signatures.importId))
    .where(and(eq(signatureImports.campaignId, campaignId), eq(signatures.status, "confirmed")))
    .all();
  return row?.n ?? 0;
}

export async function findSignedEmailKeys(campaignId: number, emailKeys: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  // Well under SQLite's limit of parameters a statement may have.
  for (let from = 0; from < emailKeys.length; from += 500) {
    const rows = database()
      .orm.select({ emailKey: signatures.emailKey })
      .from(signatures)
      .where(and(eq(signatures.campaignId, campaignId), inArray(signatures.emailKey, emailKeys.slice(from, from + 500))))
      .all();
    for (const row of rows) found.push(row.emailKey);
  }
  return found;
}

export async function beginSignatureImport(
  importId: number,
  mapping: string,
  counts: Pick<ImportCounts, "totalRows" | "validRows" | "invalidRows">,
): Promise<boolean> {
  const changed = database()
    .orm.update(signatureImports)
    .set({ status: "importing", mapping, ...counts })
    .where(and(eq(signatureImports.id, importId), inArray(signatureImports.status, ["staged", "importing"])))
    .run();
  return changed.changes > 0;
}

export async function insertImportedSignatures(importId: number, signers: readonly ImportedSigner[], now: Date): Promise<ImportBatchOutcome> {
  await nextTurn();
  return inTransaction((tx): ImportBatchOutcome => {
    // The campaign's own language is the best guess at the signers': their emails are written in it.
    const [running] = tx
      .select({ campaignId: signatureImports.campaignId, locale: campaigns.locale })
      .from(signatureImports)
      .innerJoin(campaigns, eq(campaigns.id, signatureImports.campaignId))
      .where(and(eq(signatureImports.id, importId), eq(signatureImports.status, "importing")))
      .all();
    if (!running) return { kind: "stopped" };
    if (signers.length === 0) return { kind: "stored", inserted: 0 };
    const { insert } = statements();
    let inserted = 0;
    for (const signer of signers) inserted += insert.run({ ...signer, nameKey: nameKey(signer.fullName), campaignId: running.campaignId, importId, locale: running.locale }).changes;
    if (inserted > 0) {
      adjustCounts(running.campaignId, { confirmed: inserted }, now);
      tx.update(signatureImports)
        .set({ importedRows: sql`${signatureImports.importedRows} + ${inserted}` })
        .where(eq(signatureImports.id, importId))
        .run();
    }
    return { kind: "stored", inserted };
  });
}

export async function finishSignatureImport(importId: number, now: Date): Promise<SignatureImport | undefined> {
  const [row] = database()
    .orm.update(signatureImports)
    .set({
      status: "imported",
      importedAt: now,
      stagedCsv: null,
      // Valid rows that were not stored had an address the file or the campaign had already.
      duplicateRows: sql`${signatureImports.validRows} - ${signatureImports.importedRows}`,
    })
    .where(and(eq(signatureImports.id, importId), eq(signatureImports.status, "importing")))
    .returning(summary)
    .all();
  return row;
}

export async function beginUndoSignatureImport(importId: number): Promise<boolean> {
  const changed = database()
    .orm.update(signatureImports)
    .set({ status: "undoing", stagedCsv: null })
    .where(and(eq(signatureImports.id, importId), inArray(signatureImports.status, ["importing", "imported", "undoing"])))
    .run();
  return changed.changes > 0;
}

export async function deleteImportedSignatures(importId: number, limit: number, now: Date): Promise<number> {
  await nextTurn();
  const removed = inTransaction((tx) => {
    const rows = tx
      .delete(signatures)
      .where(inArray(signatures.id, tx.select({ id: signatures.id }).from(signatures).where(eq(signatures.importId, importId)).limit(limit)))
      .returning({ campaignId: signatures.campaignId, status: signatures.status })
      .all();
    const [first] = rows;
    if (first) {
      // An imported row may have been invalidated since; only the statuses that count move a count.
      const confirmed = rows.filter((r) => r.status === "confirmed").length;
      const pending = rows.filter((r) => r.status === "pending").length;
      adjustCounts(first.campaignId, { confirmed: -confirmed, pending: -pending }, now);
    }
    return rows.length;
  });
  // The people's data leaves the write-ahead log soon after, as an erasure's does.
  if (removed > 0) walScrubber().request();
  return removed;
}

export async function finishUndoSignatureImport(importId: number, now: Date): Promise<boolean> {
  const changed = database()
    .orm.update(signatureImports)
    .set({ status: "undone", undoneAt: now })
    .where(and(eq(signatureImports.id, importId), eq(signatureImports.status, "undoing")))
    .run();
  return changed.changes > 0;
}

export async function deleteStaleImports(before: Date): Promise<number> {
  return database()
    .orm.delete(signatureImports)
    .where(and(eq(signatureImports.status, "staged"), lt(signatureImports.createdAt, before)))
    .run().changes;
}

export async function dropStaleImportFiles(before: Date): Promise<number> {
  return database()
    .orm.update(signatureImports)
    .set({ stagedCsv: null })
    .where(and(eq(signatureImports.status, "importing"), lt(signatureImports.createdAt, before), isNotNull(signatureImports.stagedCsv)))
    .run().changes;
}
