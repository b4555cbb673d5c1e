import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { config, databasePath } from "@/lib/config";
import { processSingleton, processSingletonExists } from "@/lib/process-singleton";
import * as schema from "./schema";

export type SqliteConnection = Database.Database;

export function openConnection(file: string, options: { readonly?: boolean } = {}): SqliteConnection {
  if (!options.readonly) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const connection = new Database(file, { readonly: options.readonly ?? false });
  // A busy timeout lets a second process wait for the write lock instead of failing at once.
  connection.pragma("busy_timeout = 5000");
  connection.pragma("foreign_keys = ON");
  // 64 MB of page cache (the default is 2 MB): with millions of signatures the indexes' upper
  // levels then stay in memory, so signing does not slow as the table grows.
  connection.pragma("cache_size = -65536");
  if (!options.readonly) {
    connection.pragma("journal_mode = WAL");
    // FULL (the default): a signature answered as stored survives a power cut, not only a
    // process crash. Group commit (group-commit.ts) keeps that affordable.
    connection.pragma(`synchronous = ${config().SQLITE_SYNCHRONOUS}`);
    // Deleted rows are overwritten, so an erased signer cannot be read back from free pages.
    connection.pragma("secure_delete = ON");
  }
  return connection;
}

function createDatabase() {
  const connection = openConnection(databasePath(config().DATABASE_URL));
  return { connection, orm: drizzle(connection, { schema }) };
}

export type SqliteDatabase = ReturnType<typeof createDatabase>;

/** The process's one read-write connection; opened on first use. */
export function database(): SqliteDatabase {
  return processSingleton(`sqlite:${config().DATABASE_URL}`, createDatabase);
}

/** The database file, for code that opens its own connection (an export worker thread). */
export function databaseFile(): string {
  return databasePath(config().DATABASE_URL);
}

/** Prepared statements built once per process and database, after migrations have made the tables. */
export function preparedStatements<T>(name: string, build: (db: SqliteDatabase) => T): () => T {
  return () => processSingleton(`sqlite:${name}:${config().DATABASE_URL}`, () => build(database()));
}

/**
 * Copies the WAL into the database and empties it, so deleted rows' old versions leave the WAL
 * too. A reader holding an old snapshot can keep it from completing; the next call finishes it.
 */
export function checkpointAndTruncate(): void {
  database().connection.pragma("wal_checkpoint(TRUNCATE)");
}

/** Closes the process's connection, if it was opened; SQLite checkpoints the WAL as it closes. */
export function closeDatabase(): void {
  if (processSingletonExists(`sqlite:${config().DATABASE_URL}`)) database().connection.close();
}
