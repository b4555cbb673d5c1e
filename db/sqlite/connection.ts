import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/** The SQLite file path from a file: URL, relative paths resolved against the working directory. */
export function databasePath(url: string): string {
  return url.slice("file:".length).replace(/^\/\/(?=\/)/, "");
}

export type SqliteConnection = Database.Database;
export type Synchronous = "FULL" | "NORMAL";

/** Where a writing connection keeps its temporary tables, sorts and savepoint journals; migrations use a file. */
export const writerTempStore = "MEMORY";

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
    // Each write the group commit takes runs in a savepoint, whose journal keeps every page the write changes; past 64 KiB
    // SQLite moves that journal to a temporary file, then a write call per page: a signature changes a dozen or more, and
    // that was about a tenth of signing's time. The writer's transactions are bounded (a commit's group, a batch of the
    // count log, an import's 500 rows), so in memory the journal stays small. Migrations, whose backfills sort whole
    // tables, set it back to a file while they run (dialect.ts). No copy of a signer's page is left in a temporary file.
    connection.pragma(`temp_store = ${writerTempStore}`);
  }
  return connection;
}

/** The generated secret key lives beside the database file (never inside it or its backups). */
export function secretKeyBeside(file: string): string {
  return path.join(path.dirname(path.resolve(file)), "countersign-secret.key");
}
