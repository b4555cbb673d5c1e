import type { DatabaseLog, DatabaseSettings } from "./domain/ports/database";
import type { Stores } from "./domain/ports/stores";
import { config } from "./config";
import { logger } from "./log";
import { processWide } from "./process-wide";

// The process's one database, opened by whichever entry point starts first (the server, a script,
// a test file) with db/open.ts's openDatabase, and shared by both copies of the app
// (lib/process-wide.ts). lib/ never imports db/ itself, so Next.js's bundle holds no database code:
// its pages and actions use the stores the server opened.

/** How an entry point opens the database: db/open.ts's openDatabase. */
export type OpenDatabase = (settings: DatabaseSettings, log: DatabaseLog) => Promise<Stores>;

const state = processWide<{ opening?: Promise<Stores>; value?: Stores }>("stores", () => ({}));

/** Opens the database DATABASE_URL names, once per process; every entry point awaits it before its first query. */
export function openStores(openDatabase: OpenDatabase): Promise<Stores> {
  const held = state();
  held.opening ??= openDatabase(
    { url: config().DATABASE_URL, poolSize: config().DATABASE_POOL_SIZE, sqliteSynchronous: config().SQLITE_SYNCHRONOUS, countLog: config().COUNT_LOG },
    logger(),
  ).then(
    (stores) => (held.value = stores),
    (error: unknown) => {
      held.opening = undefined;
      throw error;
    },
  );
  return held.opening;
}

/** The stores of the database openStores() opened. */
export function stores(): Stores {
  const { value } = state();
  if (!value) throw new Error("the database is not open: an entry point must await openStores() before its first query");
  return value;
}

/** Closes the database (SQLite folds its write-ahead log back in); a later openStores() opens it again. */
export async function closeStores(): Promise<void> {
  const held = state();
  const value = held.value ?? (await held.opening);
  held.opening = held.value = undefined;
  await value?.database.closeDatabase();
}
