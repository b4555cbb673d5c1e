import { readFileSync } from "node:fs";
import path from "node:path";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { SqliteConnection } from "./connection";

const migrationsFolder = path.join(process.cwd(), "db/sqlite/migrations");

/** SQLite changes a default or CHECK by copying the table and dropping the old, which cascades to every child row; drizzle's
 * one transaction ignores `PRAGMA foreign_keys`, so the keys are turned off around it and checked after. */
export function migrateDatabase<S extends Record<string, unknown>>(connection: SqliteConnection, orm: BetterSQLite3Database<S>): void {
  connection.pragma("foreign_keys = OFF");
  try {
    migrate(orm, { migrationsFolder });
    const broken = connection.pragma("foreign_key_check") as unknown[];
    if (broken.length > 0) throw new Error(`migrations left ${broken.length} rows pointing at rows that are gone`);
  } finally {
    connection.pragma("foreign_keys = ON");
  }
}

/** Whether the database answers and holds every committed migration. */
export function databaseReady(connection: () => SqliteConnection): boolean {
  try {
    const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta/_journal.json"), "utf8")) as { entries: unknown[] };
    const applied = connection().prepare("select count(*) as n from __drizzle_migrations").get() as { n: number };
    return applied.n >= journal.entries.length;
  } catch {
    return false;
  }
}
