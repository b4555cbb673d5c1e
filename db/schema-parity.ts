// The stores are typed against PostgreSQL's tables and run on SQLite's under the same names
// (db/dialect.ts): this fails the type check if a shared table's row differs between the schemas.
import type { InferSelectModel, Table } from "drizzle-orm";
import type { Tables } from "./dialect";
import type * as postgres from "./postgres/schema";
import type * as sqlite from "./sqlite/schema";

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Row<S, K extends keyof Tables> = K extends keyof S ? (S[K] extends Table ? InferSelectModel<S[K]> : never) : never;
// SQLite hands out signer numbers from a column of the campaign's row; PostgreSQL from a sequence.
type SqliteRow<K extends keyof Tables> = K extends "campaigns" ? Omit<Row<typeof sqlite, K>, "signerNumbersIssued"> : Row<typeof sqlite, K>;

export const schemasAgree: { [K in keyof Tables]: Same<SqliteRow<K>, Row<typeof postgres, K>> } = {
  campaigns: true,
  campaignTranslations: true,
  signatures: true,
  confirmations: true,
  outbox: true,
  blockedEmails: true,
  auditEvents: true,
  organisers: true,
  organiserSessions: true,
  organiserInvitations: true,
  rateLimits: true,
  jobRuns: true,
  pagePayloads: true,
  signatureImports: true,
  updates: true,
  updateUnsubscribes: true,
  logEntries: true,
  campaignLogs: true,
  logTiles: true,
  campaignFigures: true,
  reasons: true,
  reasonMarks: true,
  reasonsGone: true,
};
