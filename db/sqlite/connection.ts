import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/** The SQLite file path from a file: URL, relative paths resolved against the working directory. */
export function databasePath(url: string): string {
  return url.slice("file:".length).replace(/^\/\/(?=\/)/, "");
}

export type SqliteConnection = Database.Database;
export type Synchronous = "FULL" | "NORMAL";

export function openConnection(file: string, options: { readonly?: boolean; synchronous?: Synchronous; busyTimeoutMs?: number } = {}): SqliteConnection {
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
    // process crash. Group commit (commits.ts) keeps that affordable.
    connection.pragma(`synchronous = ${options.synchronous ?? "FULL"}`);
    // Deleted rows are overwritten, so an erased signer cannot be read back from free pages.
    connection.pragma("secure_delete = ON");
  }
  return connection;
}

/** The generated secret key lives beside the database file (never inside it or its backups). */
export function secretKeyBeside(file: string): string {
  return path.join(path.dirname(path.resolve(file)), "countersign-secret.key");
}
