import type { ImportCounts, ImportedSigner, SignatureImport, StagedImport } from "../signature-import";

/** A CSV file waiting for the organiser's next step (lib/imports/). */
export type NewSignatureImport = Pick<StagedImport, "campaignId" | "fileName" | "createdBy" | "createdAt" | "totalRows"> & { stagedCsv: string };
/** `stopped`: the import is no longer running (undone meanwhile, or never begun); nothing was stored. */
export type ImportBatchOutcome = { kind: "stored"; inserted: number } | { kind: "stopped" };

/** CSV imports: each step its own short transaction, so a large file never holds SQLite's writer. */
export interface ImportStore {
  insertSignatureImport(staged: NewSignatureImport): Promise<number>;
  /** The import with its staged file (null once imported, undone or expired). */
  findSignatureImport(campaignId: number, importId: number): Promise<StagedImport | undefined>;
  /** A campaign's imports, newest first, without their files. */
  listSignatureImports(campaignId: number): Promise<SignatureImport[]>;
  /** How many confirmed signatures a campaign's imports brought that are still there. */
  countImportedSignatures(campaignId: number): Promise<number>;
  /** Which of these address keys have a signature on the campaign already, whatever its status. */
  findSignedEmailKeys(campaignId: number, emailKeys: readonly string[]): Promise<string[]>;
  /** Records the mapping and the file's counts and marks it importing; false unless it was staged or importing. */
  beginSignatureImport(importId: number, mapping: string, counts: Pick<ImportCounts, "totalRows" | "validRows" | "invalidRows">): Promise<boolean>;
  /**
   * Stores signers as confirmed signatures of the import, skipping any address the campaign has
   * already, and moves the counts and the import's tally in the same transaction.
   */
  insertImportedSignatures(importId: number, signers: readonly ImportedSigner[], now: Date): Promise<ImportBatchOutcome>;
  /** Marks a running import done and drops its file; undefined unless it was importing. */
  finishSignatureImport(importId: number, now: Date): Promise<SignatureImport | undefined>;
  /** Marks an import (running, done or half undone) as being undone; false otherwise. */
  beginUndoSignatureImport(importId: number): Promise<boolean>;
  /** Deletes up to `limit` of the import's signatures and fixes the counts; returns how many went. */
  deleteImportedSignatures(importId: number, limit: number, now: Date): Promise<number>;
  /** Marks an import being undone as undone; false when it was not (another request finished it). */
  finishUndoSignatureImport(importId: number, now: Date): Promise<boolean>;
  /** Deletes imports staged before `before` and never run, with their files. */
  deleteStaleImports(before: Date): Promise<number>;
  /** Drops the files of imports begun before `before` and still running (cut short); the rows stay, for undo. */
  dropStaleImportFiles(before: Date): Promise<number>;
}
