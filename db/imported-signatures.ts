import { randomBytes } from "node:crypto";
import { setImmediate as nextTurn } from "node:timers/promises";
import { and, eq, inArray, sql } from "drizzle-orm";
import { nameKey } from "@/lib/domain/name-key";
import type { ImportBatchOutcome, ImportStore } from "@/lib/domain/ports/imports";
import type { Dialect, Handle } from "./dialect";
import { perHandle, placeholders } from "./dialect";
import { logAdds, logRemovals } from "./log-entries";

// One short transaction per range (lib/imports/imports.ts hands rows over a range at a time), each after a turn of the
// event loop, so a large file never holds SQLite's only writer for long and signatures arriving meanwhile go in between.

/** An import's signatures, stored and removed a range at a time, their counts moved with them. */
export function importedSignatures(d: Dialect): Pick<ImportStore, "insertImportedSignatures" | "deleteImportedSignatures"> {
  const { campaigns, signatureImports, signatures } = d.tables;

  // One row a run, prepared once, where the dialect inserts row by row (d.insertMany): a thousand
  // runs cost far less than building one statement of a thousand rows' values each time.
  const statements = perHandle((h: Handle) => ({
    insert: h
      .insert(signatures)
      .values({ ...placeholders("campaignId", "fullName", "nameKey", "email", "emailKey", "emailDomain", "country", "showName", "wantsUpdates", "signedAt", "importId", "locale", "receiptSalt"), status: "confirmed" })
      // The unique index decides who has signed, so a signer arriving meanwhile is never counted twice.
      .onConflictDoNothing({ target: [signatures.campaignId, signatures.emailKey] })
      .returning({ id: signatures.id, country: signatures.country })
      .prepare("countersign-import-insert"),
  }));

  return {
    async insertImportedSignatures(importId, signers, now) {
      await nextTurn();
      return d.write(async (tx): Promise<ImportBatchOutcome> => {
        // Locked, so an undo begun meanwhile waits for this range and then removes it too.
        // The campaign's own language is the best guess at the signers': their emails are written in it.
        const [running] = await d.locked(
          tx
            .select({ campaignId: signatureImports.campaignId, locale: campaigns.locale })
            .from(signatureImports)
            .innerJoin(campaigns, eq(campaigns.id, signatureImports.campaignId))
            .where(and(eq(signatureImports.id, importId), eq(signatureImports.status, "importing"))),
          { of: signatureImports },
        );
        if (!running) return { kind: "stopped" };
        if (signers.length === 0) return { kind: "stored", inserted: 0 };
        // Each row's receipt salt, as a signature made here has: confirming the address later gives its signer a receipt.
        const rows = signers.map((s) => ({
          ...s,
          nameKey: nameKey(s.fullName),
          campaignId: running.campaignId,
          locale: running.locale,
          status: "confirmed" as const,
          importId,
          receiptSalt: randomBytes(32).toString("hex"),
        }));
        const stored = await d.insertMany(
          rows,
          (row) => statements(tx).insert.execute(row),
          (all) => tx.insert(signatures).values([...all]).onConflictDoNothing({ target: [signatures.campaignId, signatures.emailKey] }).returning({ id: signatures.id, country: signatures.country }),
        );
        const inserted = stored.length;
        if (inserted > 0) {
          // Each stored signer takes a signer number, as one signing here would.
          await d.counts.move(tx, running.campaignId, { confirmed: inserted }, now);
          const counted = stored.map((row) => ({ campaignId: running.campaignId, signatureId: row.id, country: row.country }));
          await logAdds(d, tx, counted, "import", now);
          await tx
            .update(signatureImports)
            .set({ importedRows: sql`${signatureImports.importedRows} + ${inserted}` })
            .where(eq(signatureImports.id, importId));
        }
        return { kind: "stored", inserted };
      });
    },

    async deleteImportedSignatures(importId, limit, now) {
      await nextTurn();
      const removed = await d.write(async (tx) => {
        const rows = await tx
          .delete(signatures)
          // The import named again outside the subquery, so a row claimed meanwhile (confirmed by its signer) is re-checked and spared.
          .where(and(eq(signatures.importId, importId), inArray(signatures.id, tx.select({ id: signatures.id }).from(signatures).where(eq(signatures.importId, importId)).limit(limit))))
          .returning({ id: signatures.id, campaignId: signatures.campaignId, status: signatures.status });
        const [first] = rows;
        if (first) {
          // An imported row may have been invalidated since; only the statuses that count move a count.
          const confirmed = rows.filter((r) => r.status === "confirmed").length;
          const pending = rows.filter((r) => r.status === "pending").length;
          await d.counts.move(tx, first.campaignId, { confirmed: -confirmed, pending: -pending }, now);
          await logRemovals(d, tx, rows.filter((r) => r.status === "confirmed").map((r) => r.id), "undone", now);
        }
        return rows.length;
      });
      // The people's data leaves the database's logs soon after, as an erasure's does.
      if (removed > 0) d.erased();
      return removed;
    },
  };
}
