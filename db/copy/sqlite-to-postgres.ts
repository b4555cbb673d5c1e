import { Client } from "pg";
import { applyMigrations } from "@/db/postgres/migrate";
import { continueIdentity, continueSignerNumbers, copyTable, firstTableHeld, lockAppTables, postgresTally } from "./postgres-target";
import { openSqliteSource } from "./sqlite-source";
import { compareTallies, type Comparison } from "./tally";
import { copiedTables } from "./tables";

export type CopyOutcome = { kind: "copied"; comparison: Comparison } | { kind: "refused"; reason: string };

/** One table's copy done, for a progress line. */
export type TableCopied = { table: string; rows: number; seconds: number };

/** A URL fit to print: the password left out. */
export function withoutPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

const refusedHeld = (table: string): CopyOutcome => ({
  kind: "refused",
  reason: `The PostgreSQL database already holds data (its ${table} table has rows), so nothing was copied or changed. db:copy fills only an empty database: create a new one (createdb countersign) and copy into that.`,
});

/** Every table in one transaction with COPY, each sequence going on where SQLite left off, then the two compared. On its own
 * connection, not the app's pool, so the target is `url` and not DATABASE_URL (which config() reads once per process). */
export async function copySqliteToPostgres(file: string, url: string, onTableCopied?: (copied: TableCopied) => void): Promise<CopyOutcome> {
  const opened = openSqliteSource(file);
  if (opened.kind === "refused") return opened;
  const { source } = opened;
  const client = new Client({ connectionString: url, application_name: "countersign db:copy" });
  try {
    await client.connect().catch((error: unknown) => {
      throw new Error(`Could not connect to ${withoutPassword(url)}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    });
    // Looked at before migrating, so a database that is not empty is left exactly as it was.
    const held = await firstTableHeld(client);
    if (held) return refusedHeld(held);
    await applyMigrations(client);

    await client.query("begin");
    try {
      await lockAppTables(client);
      // Again under the lock: an app started on this database meanwhile may have written to it.
      const heldNow = await firstTableHeld(client);
      if (heldNow) {
        await client.query("rollback");
        return refusedHeld(heldNow);
      }
      for (const table of copiedTables) {
        const started = performance.now();
        const rows = await copyTable(client, table, source.rows(table));
        if (table.identity) await continueIdentity(client, table.name, table.identity, source.highestId(table.name, table.identity));
        onTableCopied?.({ table: table.name, rows, seconds: (performance.now() - started) / 1000 });
      }
      for (const { id, issued } of source.signerNumbersIssued()) await continueSignerNumbers(client, id, issued);
      await client.query("commit");
    } catch (error) {
      // A connection that failed has rolled back already, with its session.
      await client.query("rollback").catch(() => undefined);
      throw error;
    }
    return { kind: "copied", comparison: compareTallies(source.tally(), await postgresTally(client)) };
  } finally {
    source.close();
    await client.end();
  }
}
