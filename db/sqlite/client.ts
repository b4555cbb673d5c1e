import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import { config } from "@/lib/config";
import { lazy } from "@/lib/lazy";
import * as schema from "./schema";

/** The SQLite file path from a file: URL, relative paths resolved against the working directory. */
export function databasePath(url: string): string {
  return url.slice("file:".length).replace(/^\/\/(?=\/)/, "");
}

export type SqliteConnection = Database.Database;

type Synchronous = "FULL" | "NORMAL";

export function openConnection(
  file: string,
  options: { readonly?: boolean; synchronous?: Synchronous; busyTimeoutMs?: number } = {},
): SqliteConnection {
  if (!options.readonly) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const connection = new Database(file, { readonly: options.readonly ?? false });
  // A busy timeout lets a second process wait for the write lock instead of failing at once.
  connection.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  connection.pragma("foreign_keys = ON");
  // 64 MB of page cache (the default is 2 MB): with millions of signatures the indexes' upper
  // levels then stay in memory, so signing does not slow as the table grows.
  connection.pragma("cache_size = -65536");
  if (!options.readonly) {
    connection.pragma("journal_mode = WAL");
    // FULL (the default): a signature answered as stored survives a power cut, not only a
    // process crash. Group commit (group-commit.ts) keeps that affordable.
    connection.pragma(`synchronous = ${options.synchronous ?? config().SQLITE_SYNCHRONOUS}`);
    // Deleted rows are overwritten, so an erased signer cannot be read back from free pages.
    connection.pragma("secure_delete = ON");
  }
  return connection;
}

function createDatabase() {
  const connection = openConnection(databaseFile());
  return { connection, orm: drizzle(connection, { schema }) };
}

export type SqliteDatabase = ReturnType<typeof createDatabase>;

/** What a store function may query through: the database, or the transaction it was handed. */
export type SqliteHandle = BaseSQLiteDatabase<"sync", Database.RunResult, typeof schema>;

// Transactions are synchronous on SQLite, so a count of those open is enough to know we are in one.
const openTransactions = { depth: 0 };
let opened: SqliteDatabase | undefined;
const connectionOf = (): SqliteDatabase => (opened ??= createDatabase());

/**
 * The process's one read-write connection (one per copy of this module); opened on first use.
 * Refused inside a transaction: there, every query must run on the handle the transaction passed
 * in, or on a pool (PostgreSQL) it would commit apart from the transaction without a word.
 */
export function database(): SqliteDatabase {
  if (openTransactions.depth > 0) {
    throw new Error("database() was called inside a transaction; query through the transaction's handle instead");
  }
  return connectionOf();
}

/**
 * Runs `work` in one transaction (immediate by default, so it takes the write lock at once
 * rather than failing halfway), handing it the only handle it may query through.
 */
export function inTransaction<T>(work: (tx: SqliteHandle) => T, behavior: "immediate" | "deferred" = "immediate"): T {
  return database().orm.transaction((tx) => withinTransaction(() => work(tx)), { behavior });
}

/** Marks synchronous work as running inside a transaction opened by other means (group commit). */
export function withinTransaction<T>(work: () => T): T {
  openTransactions.depth++;
  try {
    return work();
  } finally {
    openTransactions.depth--;
  }
}

/** The database file, for code that opens its own connection (an export worker thread). */
export function databaseFile(): string {
  return databasePath(config().DATABASE_URL);
}

/**
 * Prepared statements built once per process and database, after migrations have made the tables.
 * A prepared statement belongs to the connection, and on SQLite a transaction is the connection's,
 * so the hot path's statements may run inside one: that is why building them is not refused there.
 */
export function preparedStatements<T>(build: (db: SqliteDatabase) => T): () => T {
  return lazy(() => build(connectionOf()));
}

/** Closes the connection, if it was opened; SQLite checkpoints the WAL as it closes. */
export async function closeDatabase(): Promise<void> {
  opened?.connection.close();
  opened = undefined;
}

/** The generated secret key lives beside the database file (never inside it or its backups). */
export function secretKeyLocation(): string {
  return path.join(path.dirname(path.resolve(databaseFile())), "countersign-secret.key");
}
