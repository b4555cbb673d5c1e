import { and, count, desc, eq, inArray, isNotNull, lt, sql } from "drizzle-orm";
import type { ImportCounts, ImportedSigner, SignatureImport, StagedImport } from "@/lib/domain/signature-import";
import { nameKey } from "@/lib/domain/name-key";
import type { ImportBatchOutcome, NewSignatureImport } from "@/lib/store-contract";
import { database, inTransaction } from "./client";
import { adjustCounts, signerSequence } from "./campaign-row-store";
import { campaigns, signatureImports, signatures } from "./schema";

// The same steps as db/sqlite/import-store.ts, each its own transaction: a range of rows at a time.

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
  const [row] = await database().orm.insert(signatureImports).values(staged).returning({ id: signatureImports.id });
  return row!.id;
}

export async function findSignatureImport(campaignId: number, importId: number): Promise<StagedImport | undefined> {
  const [row] = await database()
    .orm.select({ ...summary, stagedCsv: signatureImports.stagedCsv })
    .from(signatureImports)
    .where(and(eq(signatureImports.id, importId), eq(signatureImports.campaignId, campaignId)));
  return row;
}

export async function listSignatureImports(campaignId: number): Promise<SignatureImport[]> {
  return database().orm.select(summary).from(signatureImports).where(eq(signatureImports.campaignId, campaignId)).orderBy(desc(signatureImports.id));
}

export async function countImportedSignatures(campaignId: number): Promise<number> {
  const [row] = await database()
    .orm.select({ n: count() })
    .from(signatures)
    .innerJoin(signatureImports, eq(signatureImports.id, signatures.importId))
    .where(and(eq(signatureImports.campaignId, campaignId), eq(signatures.status, "confirmed")));
  return row?.n ?? 0;
}

export async function findSignedEmailKeys(campaignId: number, emailKeys: readonly string[]): Promise<string[]> {
  if (emailKeys.length === 0) return [];
  const { rows } = await database().pool.query<{ email_key: string }>(
    "select email_key from signatures where petition_id = $1 and email_key = any($2::text[])",
    [campaignId, emailKeys],
  );
  return rows.map((row) => row.email_key);
}

export async function beginSignatureImport(
  importId: number,
  mapping: string,
  counts: Pick<ImportCounts, "totalRows" | "validRows" | "invalidRows">,
): Promise<boolean> {
  const changed = await database()
    .orm.update(signatureImports)
    .set({ status: "importing", mapping, ...counts })
    .where(and(eq(signatureImports.id, importId), inArray(signatureImports.status, ["staged", "importing"])))
    .returning({ id: signatureImports.id });
  return changed.length > 0;
}

export async function insertImportedSignatures(importId: number, signers: readonly ImportedSigner[], _now: Date): Promise<ImportBatchOutcome> {
  return inTransaction(async (tx): Promise<ImportBatchOutcome> => {
    // Locked, so an undo begun meanwhile waits for this range and then removes it too.
    // The campaign's own language is the best guess at the signers': their emails are written in it.
    const [running] = await tx
      .select({ campaignId: signatureImports.campaignId, locale: campaigns.locale })
      .from(signatureImports)
      .innerJoin(campaigns, eq(campaigns.id, signatureImports.campaignId))
      .where(and(eq(signatureImports.id, importId), eq(signatureImports.status, "importing")))
      .for("update", { of: signatureImports });
    if (!running) return { kind: "stopped" };
    if (signers.length === 0) return { kind: "stored", inserted: 0 };
    const stored = await tx
      .insert(signatures)
      .values(signers.map((s) => ({ ...s, nameKey: nameKey(s.fullName), campaignId: running.campaignId, locale: running.locale, status: "confirmed" as const, importId })))
      .onConflictDoNothing({ target: [signatures.campaignId, signatures.emailKey] })
      .returning({ id: signatures.id });
    const inserted = stored.length;
    if (inserted > 0) {
      await adjustCounts(tx, running.campaignId, { confirmed: inserted });
      // Each stored signer takes a signer number, as one signing here would.
      await tx.execute(sql`select nextval('${signerSequence(running.campaignId)}') from generate_series(1, ${inserted})`);
      await tx
        .update(signatureImports)
        .set({ importedRows: sql`${signatureImports.importedRows} + ${inserted}` })
        .where(eq(signatureImports.id, importId));
    }
    return { kind: "stored", inserted };
  });
}

export async function finishSignatureImport(importId: number, now: Date): Promise<SignatureImport | undefined> {
  const [row] = await database()
    .orm.update(signatureImports)
    .set({
      status: "imported",
      importedAt: now,
      stagedCsv: null,
      duplicateRows: sql`${signatureImports.validRows} - ${signatureImports.importedRows}`,
    })
    .where(and(eq(signatureImports.id, importId), eq(signatureImports.status, "importing")))
    .returning(summary);
  return row;
}

export async function beginUndoSignatureImport(importId: number): Promise<boolean> {
  const changed = await database()
    .orm.update(signatureImports)
    .set({ status: "undoing", stagedCsv: null })
    .where(and(eq(signatureImports.id, importId), inArray(signatureImports.status, ["importing", "imported", "undoing"])))
    .returning({ id: signatureImports.id });
  return changed.length > 0;
}

export async function deleteImportedSignatures(importId: number, limit: number, _now: Date): Promise<number> {
  return inTransaction(async (tx) => {
    const rows = await tx
      .delete(signatures)
      .where(inArray(signatures.id, tx.select({ id: signatures.id }).from(signatures).where(eq(signatures.importId, importId)).limit(limit)))
      .returning({ campaignId: signatures.campaignId, status: signatures.status });
    const [first] = rows;
    if (first) {
      const confirmed = rows.filter((r) => r.status === "confirmed").length;
      const pending = rows.filter((r) => r.status === "pending").length;
      await adjustCounts(tx, first.campaignId, { confirmed: -confirmed, pending: -pending });
    }
    return rows.length;
  });
}

export async function finishUndoSignatureImport(importId: number, now: Date): Promise<boolean> {
  const changed = await database()
    .orm.update(signatureImports)
    .set({ status: "undone", undoneAt: now })
    .where(and(eq(signatureImports.id, importId), eq(signatureImports.status, "undoing")))
    .returning({ id: signatureImports.id });
  return changed.length > 0;
}

export async function deleteStaleImports(before: Date): Promise<number> {
  const removed = await database()
    .orm.delete(signatureImports)
    .where(and(eq(signatureImports.status, "staged"), lt(signatureImports.createdAt, before)))
    .returning({ id: signatureImports.id });
  return removed.length;
}

export async function dropStaleImportFiles(before: Date): Promise<number> {
  const dropped = await database()
    .orm.update(signatureImports)
    .set({ stagedCsv: null })
    .where(and(eq(signatureImports.status, "importing"), lt(signatureImports.createdAt, before), isNotNull(signatureImports.stagedCsv)))
    .returning({ id: signatureImports.id });
  return dropped.length;
}
