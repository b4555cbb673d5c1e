import { is } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import * as postgres from "@/db/postgres/schema";

// What db:copy moves, read from PostgreSQL's schema, whose columns both dialects hold (sqliteOnlyColumns aside), so a
// column added to both is copied without a change here.

/** How a SQLite value becomes PostgreSQL's: epoch milliseconds to timestamptz, 0/1 to boolean. */
export type ColumnKind = "timestamp" | "boolean" | "bytes" | "as-is";

export type CopiedTable = {
  name: string;
  columns: { name: string; kind: ColumnKind }[];
  /** The identity column, whose sequence must go on after the copied ids. */
  identity?: string;
};

// Parents before children, so every foreign key finds its row as COPY checks it. count_deltas is
// left out: SQLite keeps its counts on the petition row, so there are no deltas to carry. So are
// the kept figures (campaign_figures, figure_deltas): the target's triggers count them anew from the
// signatures as COPY brings them, and carrying SQLite's too would count every signature twice.
const copyOrder: PgTable[] = [
  postgres.campaigns,
  postgres.campaignTranslations,
  postgres.organisers,
  postgres.organiserInvitations,
  postgres.signatureImports,
  postgres.signatures,
  postgres.reasons,
  postgres.reasonMarks,
  postgres.reasonsGone,
  postgres.confirmations,
  postgres.outbox,
  postgres.updates,
  postgres.updateUnsubscribes,
  postgres.blockedEmails,
  postgres.auditEvents,
  postgres.organiserSessions,
  postgres.jobRuns,
  // Minutes of cached pages' payloads: copied like the rest, since a copy is of everything the app holds.
  postgres.pagePayloads,
  postgres.rateLimits,
  // The count log as published: its entries, positions and tiles go across unchanged, so every checkpoint stays good.
  postgres.logEntries,
  postgres.campaignLogs,
  postgres.logTiles,
];

function describeTable(table: PgTable): CopiedTable {
  const { name, columns } = getTableConfig(table);
  return {
    name,
    columns: columns.map((column) => ({
      name: column.name,
      kind: column.dataType === "date" ? "timestamp" : column.dataType === "boolean" ? "boolean" : column.getSQLType() === "bytea" ? "bytes" : "as-is",
    })),
    identity: columns.find((column) => column.generatedIdentity)?.name,
  };
}

export const copiedTables: CopiedTable[] = copyOrder.map(describeTable);

/** Every table of PostgreSQL's schema, in copy order and those not copied last: none may hold a row before a copy. */
export const appTables: string[] = [
  ...copiedTables.map((table) => table.name),
  ...Object.values<unknown>(postgres)
    .filter((value): value is PgTable => is(value, PgTable) && !copyOrder.includes(value))
    .map((table) => getTableConfig(table).name),
];

/** SQLite's columns that PostgreSQL keeps another way: signer numbers come from a sequence per campaign there. */
export const sqliteOnlyColumns: Record<string, string[]> = { petitions: ["signer_numbers_issued"] };

/** An identifier for SQL text; every name here comes from the schema, never from input. */
export const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
