import { and, count, desc, eq, inArray, isNotNull, lt, sql } from "drizzle-orm";
import type { ImportStore } from "@/lib/domain/ports/imports";
import type { Dialect } from "./dialect";
import { importedSignatures } from "./imported-signatures";

/** Address keys per statement: a few thousand parameters, well under SQLite's limit of 32,766. */
const keysPerQuery = 2_000;

/** CSV imports: staged in the database, then stored and undone a range of rows at a time (imported-signatures.ts). */
export function importStore(d: Dialect): ImportStore {
  const { signatureImports, signatures } = d.tables;

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

  /** Whether the statement found the import's row (in a status it may move from). */
  const changed = async (query: PromiseLike<{ id: number }[]>) => (await query).length > 0;

  return {
    ...importedSignatures(d),

    async insertSignatureImport(staged) {
      const [row] = await d.statement((h) => h.insert(signatureImports).values(staged).returning({ id: signatureImports.id }));
      return row!.id;
    },

    async findSignatureImport(campaignId, importId) {
      const [row] = await d
        .read()
        .select({ ...summary, stagedCsv: signatureImports.stagedCsv })
        .from(signatureImports)
        .where(and(eq(signatureImports.id, importId), eq(signatureImports.campaignId, campaignId)));
      return row;
    },

    listSignatureImports: (campaignId) =>
      d.read().select(summary).from(signatureImports).where(eq(signatureImports.campaignId, campaignId)).orderBy(desc(signatureImports.id)),

    async countImportedSignatures(campaignId) {
      const [row] = await d
        .read()
        .select({ n: count() })
        .from(signatures)
        .innerJoin(signatureImports, eq(signatureImports.id, signatures.importId))
        .where(and(eq(signatureImports.campaignId, campaignId), eq(signatures.status, "confirmed")));
      return row?.n ?? 0;
    },

    async findSignedEmailKeys(campaignId, emailKeys) {
      const found: string[] = [];
      for (let from = 0; from < emailKeys.length; from += keysPerQuery) {
        const rows = await d
          .read()
          .select({ emailKey: signatures.emailKey })
          .from(signatures)
          .where(and(eq(signatures.campaignId, campaignId), inArray(signatures.emailKey, emailKeys.slice(from, from + keysPerQuery))));
        for (const row of rows) found.push(row.emailKey);
      }
      return found;
    },

    beginSignatureImport: (importId, mapping, counts) =>
      changed(
        d.statement((h) =>
          h
            .update(signatureImports)
            .set({ status: "importing", mapping, ...counts })
            .where(and(eq(signatureImports.id, importId), inArray(signatureImports.status, ["staged", "importing"])))
            .returning({ id: signatureImports.id }),
        ),
      ),

    async finishSignatureImport(importId, now) {
      const [row] = await d.statement((h) =>
        h
          .update(signatureImports)
          .set({
            status: "imported",
            importedAt: now,
            stagedCsv: null,
            // Valid rows that were not stored had an address the file or the campaign had already.
            duplicateRows: sql`${signatureImports.validRows} - ${signatureImports.importedRows}`,
          })
          .where(and(eq(signatureImports.id, importId), eq(signatureImports.status, "importing")))
          .returning(summary),
      );
      return row;
    },

    beginUndoSignatureImport: (importId) =>
      changed(
        d.statement((h) =>
          h
            .update(signatureImports)
            .set({ status: "undoing", stagedCsv: null })
            .where(and(eq(signatureImports.id, importId), inArray(signatureImports.status, ["importing", "imported", "undoing"])))
            .returning({ id: signatureImports.id }),
        ),
      ),

    finishUndoSignatureImport: (importId, now) =>
      changed(
        d.statement((h) =>
          h
            .update(signatureImports)
            .set({ status: "undone", undoneAt: now })
            .where(and(eq(signatureImports.id, importId), eq(signatureImports.status, "undoing")))
            .returning({ id: signatureImports.id }),
        ),
      ),

    async deleteStaleImports(before) {
      const removed = await d.statement((h) =>
        h
          .delete(signatureImports)
          .where(and(eq(signatureImports.status, "staged"), lt(signatureImports.createdAt, before)))
          .returning({ id: signatureImports.id }),
      );
      return removed.length;
    },

    async dropStaleImportFiles(before) {
      const dropped = await d.statement((h) =>
        h
          .update(signatureImports)
          .set({ stagedCsv: null })
          .where(and(eq(signatureImports.status, "importing"), lt(signatureImports.createdAt, before), isNotNull(signatureImports.stagedCsv)))
          .returning({ id: signatureImports.id }),
      );
      return dropped.length;
    },
  };
}
