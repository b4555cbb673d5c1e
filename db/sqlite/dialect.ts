import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { sql, type SQL } from "drizzle-orm";
import type { DatabaseLog, DatabaseSettings } from "@/lib/domain/ports/database";
import type { TimeUnit } from "@/lib/domain/ports/charts";
import type { Dialect, Handle, Tables, OwnWork } from "../dialect";
import { backupDatabase } from "./backup";
import { GroupCommit, lockWaitMs } from "./commits";
import { databasePath, openConnection, secretKeyBeside, writerTempStore, type SqliteConnection } from "./connection";
import { sqliteCounts } from "./counts";
import { csvExport } from "./csv-export";
import { idRanges } from "./id-ranges";
import { databaseReady, migrateDatabase } from "./migrate";
import * as schema from "./schema";
import { sqliteSearch, sqliteSearchQueries } from "./search-dialect";
import { WalScrubber } from "./wal-scrub";

const unitMs: Record<TimeUnit, string> = { hour: "3600000", day: "86400000" };
type Orm = BetterSQLite3Database<typeof schema>;

/** One writer connection, its every transaction through group commit, and one read-only connection for the rest, so a read
 * never sees a write before it is committed; the process's only ones, export workers and the WAL scrub aside. */
export function openSqlite(settings: DatabaseSettings, log: DatabaseLog) {
  const file = databasePath(settings.url);
  // No busy timeout: group commit waits for the write lock without sleeping the thread (commits.ts).
  const writerConnection = openConnection(file, { synchronous: settings.sqliteSynchronous, busyTimeoutMs: 0 });
  const writer: Orm = drizzle(writerConnection, { schema });
  let readerConnection: SqliteConnection | undefined;
  let readerOrm: Orm | undefined;
  // Opened on first use, once the migrations have made the file's tables.
  const reader = (): Orm => (readerOrm ??= drizzle((readerConnection = openConnection(file, { readonly: true })), { schema }));

  // SQLite's drizzle builds the same queries under the same names as PostgreSQL's (db/dialect.ts):
  // the stores are typed against one, and run here on the other, with this schema's tables.
  const asHandle = (orm: Orm) => orm as unknown as Handle;
  const asOrm = (handle: Handle) => handle as unknown as Orm;
  const commits = new GroupCommit<Handle>(writerConnection, asHandle(writer));
  const listeners = new Set<(slug?: string, pageChanged?: boolean) => void>();
  const ranges = idRanges(reader);

  let scrubConnection: SqliteConnection | undefined;
  const scrubber = new WalScrubber(
    () => (scrubConnection ??= openConnection(file, { busyTimeoutMs: 0 })),
    { retryMs: 2_000, deadlineMs: 10 * 60_000 },
    (waitedMs) =>
      void commits
        .run(async (tx) => {
          await tx.insert(dialect.tables.auditEvents).values({
            actor: "Countersign",
            action: "wal-scrub",
            campaignSlug: null,
            detail: `erased data is still in the write-ahead log after ${Math.round(waitedMs / 1000)} s: a reader holds an older snapshot; retrying`,
            rowCount: 0,
            createdAt: new Date(),
          });
        })
        .catch((error: unknown) => log.error({ err: error }, "recording a slow WAL scrub failed")),
  );

  const dialect: Dialect = {
    kind: "sqlite",
    countLog: settings.countLog,
    tables: schema as unknown as Tables,
    read() {
      if (commits.inTransaction) {
        throw new Error("a read outside the transaction was asked for inside it; query through the transaction's handle instead");
      }
      return asHandle(reader());
    },
    write: (work) => commits.run(work),
    statement: (work) => commits.run(async (tx) => work(tx)),
    async rows<Row>(handle: Handle, query: SQL) {
      return asOrm(handle).all<Row>(query);
    },
    async run(handle, query) {
      return asOrm(handle).run(query).changes;
    },
    // The writer holds the whole database for the transaction: no row needs a lock of its own.
    locked: <Q extends PromiseLike<unknown>>(query: Q) => Promise.resolve(query) as Promise<Awaited<Q>>,
    claimRows: sql``,
    async insertMany(rows, each) {
      const out = [];
      for (const row of rows) out.push(...(await each(row)));
      return out;
    },
    indexedBy: (index) => sql.raw(`indexed by ${index}`),
    // signed_at is epoch milliseconds, so whole multiples of these are UTC hours and days.
    bucketStart: (column, unit) => sql`(${column} / ${sql.raw(unitMs[unit])}) * ${sql.raw(unitMs[unit])}`,
    async takeTurn() {},
    async prepareThenWrite(_turn, prepare, write) {
      const prepared = await prepare(dialect.read());
      return commits.run((tx) => write(tx, prepared));
    },
    // This process's hub hears of a change once it is committed; other processes find it by the
    // revision, which their hubs poll twice a second.
    async announce(_tx, slug) {
      commits.onCommit(() => listeners.forEach((listener) => listener(slug, true)));
    },
    counts: sqliteCounts(writer),
    // The triggers move the table itself, in the statement that changed a signature: the one writer never waits for a row.
    figures: {
      kept: sql`campaign_figures`,
      async hold() {},
      async forgetUnfolded() {},
    },
    erased: () => scrubber.request(),
    lifecycle: {
      async migrateDatabase() {
        // Outside group commit, so it waits for another process's writes as SQLite's busy handler does: only at start.
        // Its backfills group and sort whole tables, which in memory would hold hundreds of megabytes at millions of rows.
        writerConnection.pragma(`busy_timeout = ${lockWaitMs}`);
        writerConnection.pragma("temp_store = FILE");
        try {
          migrateDatabase(writerConnection, writer);
        } finally {
          writerConnection.pragma("busy_timeout = 0");
          writerConnection.pragma(`temp_store = ${writerTempStore}`);
        }
      },
      databaseReady: async () => databaseReady(() => (reader(), readerConnection!)),
      async closeDatabase() {
        await commits.idle();
        readerConnection?.close();
        readerConnection = readerOrm = undefined;
        scrubber.stop();
        scrubConnection?.close();
        writerConnection.close();
      },
      secretKeyLocation: () => secretKeyBeside(file),
      async erasedDataSettled() {
        while (scrubber.waiting) await new Promise((resolve) => setTimeout(resolve, 50));
      },
      onPublicChange: (listener) => void listeners.add(listener),
      startBackgroundWork() {},
      backupDatabase: (target) => backupDatabase(file, target),
    },
  };
  // What SQLite does its own way: the search on the read-only connection, and the export's workers
  // on connections of their own, opened on the file.
  const own: OwnWork = {
    search: sqliteSearch(sqliteSearchQueries(reader)),
    exportSignatureCsv: csvExport(file, (campaignId) => ranges.span(campaignId)),
  };
  return { dialect, own, file };
}
