import { AsyncLocalStorage } from "node:async_hooks";
import { sql, type SQL } from "drizzle-orm";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import type { DatabaseLog, DatabaseSettings } from "@/lib/domain/ports/database";
import type { Dialect, Handle, LockOptions, Tables, TurnName, OwnWork } from "../dialect";
import { postgresCounts } from "./counts";
import { postgresFigures } from "./figures";
import { csvExport } from "./csv-export";
import { CountFolder } from "./folder";
import { pageNoticePrefix, PublicChanges } from "./listener";
import { databaseReady, migrateDatabase } from "./migrate";
import * as schema from "./schema";
import { postgresSearch } from "./search-dialect";
import { batchedInserts } from "./together";

type Orm = NodePgDatabase<typeof schema>;

// Transaction-scoped advisory locks, numbers this app alone uses (the folder's and the migrations'
// are in folder.ts and migrate.ts).
const turnLocks: Record<TurnName, number> = { "campaign-sequences": 727_511_002, organisers: 727_511_004, "count-log": 727_511_005 };

/** A pool per process, counts as deltas folded by one process at a time, NOTIFY heard on a connection of its own. */
export function openPostgres(settings: DatabaseSettings, log: DatabaseLog) {
  const pool = new Pool({ connectionString: settings.url, max: settings.poolSize });
  // An idle connection the server dropped (a restart, a failover) is only logged: the pool makes
  // a new one for the next query, and a crash here would take every request with it.
  pool.on("error", (error: Error & { code?: string }) =>
    log.warn({ code: error.code, reason: error.message }, "an idle PostgreSQL connection failed; the pool will replace it"),
  );
  const orm: Orm = drizzle(pool, { schema });
  const asOrm = (handle: Handle) => handle as unknown as Orm;
  const inside = new AsyncLocalStorage<true>();
  const folder = new CountFolder(settings.url, log);
  const changes = new PublicChanges(settings.url, log);
  const takeTurn = async (tx: Handle, turn: TurnName) => {
    await asOrm(tx).execute(sql`select pg_advisory_xact_lock(${turnLocks[turn]})`);
  };
  const insertTogether = batchedInserts(pool, schema, orm, settings.countLog);

  const dialect: Dialect = {
    kind: "postgres",
    countLog: settings.countLog,
    tables: schema satisfies Tables,
    read() {
      // A query on the pool inside a transaction would run on another connection and commit apart from it.
      if (inside.getStore()) throw new Error("a read outside the transaction was asked for inside it; query through the transaction's handle instead");
      return orm;
    },
    write(work) {
      if (inside.getStore()) throw new Error("a write was started inside a write; pass the transaction's handle down instead");
      return orm.transaction((tx) => inside.run(true, () => work(tx)));
    },
    async statement(work) {
      return work(dialect.read());
    },
    async rows<Row>(handle: Handle, query: SQL) {
      // The caller names the row's shape; the driver gives the columns as the query names them.
      return (await asOrm(handle).execute(query)).rows as Row[];
    },
    async run(handle, query) {
      return (await asOrm(handle).execute(query)).rowCount ?? 0;
    },
    locked<Q extends PromiseLike<unknown>>(query: Q, options: LockOptions = {}) {
      const lockable = query as unknown as { for(strength: "update", config: LockOptions): PromiseLike<Awaited<Q>> };
      return Promise.resolve(lockable.for("update", options));
    },
    claimRows: sql`for update skip locked`,
    // drizzle refuses an insert of no rows.
    insertMany: async (rows, _each, all) => (rows.length === 0 ? [] : all(rows)),
    indexedBy: () => sql``,
    // Truncated in UTC, whatever the session's time zone.
    bucketStart: (column, unit) => sql`date_trunc(${unit}, ${column}, 'UTC')`,
    takeTurn,
    prepareThenWrite: (turn, prepare, write) =>
      dialect.write(async (tx) => {
        await takeTurn(tx, turn);
        return write(tx, await prepare(tx));
      }),
    async announce(tx, slug) {
      // Marked apart from the folder's count notices (db/postgres/listener.ts), which leave cached pages be.
      await asOrm(tx).execute(sql`select pg_notify('countersign_counts', ${pageNoticePrefix + slug})`);
    },
    counts: postgresCounts(asOrm, (tx) => takeTurn(tx, "campaign-sequences")),
    figures: postgresFigures(asOrm),
    erased() {},
    insertTogether,
    lifecycle: {
      migrateDatabase: () => migrateDatabase(settings.url),
      databaseReady: () => databaseReady(pool),
      async closeDatabase() {
        await Promise.all([folder.stop(), changes.stop()]);
        await pool.end();
      },
      // PostgreSQL keeps no files beside its data that this process could write, so SECRET_KEY is required.
      secretKeyLocation: () => undefined,
      // Erased rows' old versions stay until VACUUM reuses their space and the WAL is recycled;
      // nothing here can hurry that per erasure, so there is nothing to wait for.
      async erasedDataSettled() {},
      onPublicChange: (listener) => changes.add(listener),
      startBackgroundWork: () => folder.start(),
      async backupDatabase() {
        throw new Error("npm run backup copies an SQLite database; on PostgreSQL use pg_dump (or your provider's backups)");
      },
    },
  };
  // What PostgreSQL does its own way, on the pool: the search, and the export in keyset pages.
  const own: OwnWork = { search: postgresSearch(orm), exportSignatureCsv: csvExport(pool) };
  return { dialect, own, pool };
}
