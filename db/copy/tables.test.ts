import { is } from "drizzle-orm";
import { getTableConfig as pgTableConfig, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as postgres from "@/db/postgres/schema";
import * as sqlite from "@/db/sqlite/schema";
import { appTables, copiedTables, sqliteOnlyColumns } from "./tables";

const pgTables = Object.values<unknown>(postgres).filter((value): value is PgTable => is(value, PgTable));
const sqliteTables = Object.values<unknown>(sqlite).filter((value): value is SQLiteTable => is(value, SQLiteTable));
const copied = copiedTables.map((table) => table.name);

describe("the tables db:copy moves", () => {
  it("come parents first, so every foreign key finds its row as COPY checks it", () => {
    for (const table of pgTables) {
      const { name, foreignKeys } = pgTableConfig(table);
      if (!copied.includes(name)) continue;
      for (const key of foreignKeys) {
        const parent = pgTableConfig(key.reference().foreignTable).name;
        expect(copied.indexOf(parent), `${name} refers to ${parent}`).toBeLessThan(copied.indexOf(name));
      }
    }
  });

  it("are every table but the deltas and the kept figures, and none is left out of the check for a target's rows", () => {
    const all = pgTables.map((table) => pgTableConfig(table).name);
    expect([...copied, "count_deltas", "campaign_figures", "figure_deltas"].sort()).toEqual([...all].sort());
    expect([...appTables].sort()).toEqual([...all].sort());
  });

  it("have the same columns in SQLite, but for those PostgreSQL keeps another way", () => {
    expect(sqliteTables.map((table) => sqliteTableConfig(table).name).sort()).toEqual([...copied, "campaign_figures"].sort());
    for (const table of sqliteTables) {
      const { name, columns } = sqliteTableConfig(table);
      if (name === "campaign_figures") continue;
      const expected = [...copiedTables.find((t) => t.name === name)!.columns.map((c) => c.name), ...(sqliteOnlyColumns[name] ?? [])];
      expect(columns.map((c) => c.name).sort(), name).toEqual(expected.sort());
    }
  });

  it("know which columns are times, which are flags and which carry ids to continue", () => {
    const signatures = copiedTables.find((t) => t.name === "signatures")!;
    const kinds = Object.fromEntries(signatures.columns.map((c) => [c.name, c.kind]));
    expect(kinds).toMatchObject({ signed_at: "timestamp", confirmed_at: "timestamp", show_name: "boolean", fill_ms: "as-is", comment: "as-is" });
    expect(copiedTables.filter((t) => t.identity).map((t) => t.name)).toEqual(["petitions", "admins", "admin_invitations", "signature_imports", "signatures", "reasons", "reasons_gone", "outbox", "updates", "blocked_emails", "audit_events", "log_entries"]);
  });
});
