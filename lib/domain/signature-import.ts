// What the domain keeps of a CSV import (lib/imports/imports.ts), as the store hands it back.

/**
 * staged: uploaded, waiting for the organiser; importing: rows going in, a range at a time;
 * imported: done; undoing: its rows going out; undone: none of its rows remain.
 */
export const importStatuses = ["staged", "importing", "imported", "undoing", "undone"] as const;
export type ImportStatus = (typeof importStatuses)[number];

/** How many rows of the file ended where, as the report and the history show them. */
export type ImportCounts = {
  totalRows: number;
  validRows: number;
  invalidRows: number;
  /** Rows left out because their address is in the file already or has signed the campaign. */
  duplicateRows: number;
  importedRows: number;
};

export type SignatureImport = ImportCounts & {
  id: number;
  campaignId: number;
  fileName: string;
  status: ImportStatus;
  createdBy: string;
  createdAt: Date;
  importedAt: Date | null;
  undoneAt: Date | null;
};

/** A staged import with its file, which the store keeps until the import is done, undone or expired. */
export type StagedImport = SignatureImport & { stagedCsv: string | null };

/** One signer from a file, checked and ready to store as a confirmed signature. */
export type ImportedSigner = {
  fullName: string;
  email: string;
  emailKey: string;
  emailDomain: string;
  country: string;
  showName: boolean;
  wantsUpdates: boolean;
  signedAt: Date;
};
