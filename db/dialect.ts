// What each database gives the stores written once above it (db/*-store.ts): only what truly differs, as connections,
// transactions (SQLite's group commit), counts and figures (SQLite's rows, PostgreSQL's deltas and sequences), row locks, notices.
import { sql, type Placeholder, type SQL } from "drizzle-orm";
import type { NodePgQueryResultHKT } from "drizzle-orm/node-postgres";
import type { PgColumn, PgDatabase, PgTable } from "drizzle-orm/pg-core";
import type { NewSignature } from "@/lib/domain/model";
import type { DatabasePort } from "@/lib/domain/ports/database";
import type { TimeUnit } from "@/lib/domain/ports/charts";
import type { InsertOutcome, LimitCharge, SignatureStore } from "@/lib/domain/ports/signatures";
import type * as postgresSchema from "./postgres/schema";
import type { SearchDialect } from "./signature-search";

/** The tables both schemas declare with the same columns and row types (db/schema-parity.ts checks them). */
export type Tables = Pick<
  typeof postgresSchema,
  | "campaigns"
  | "campaignTranslations"
  | "signatures"
  | "confirmations"
  | "outbox"
  | "blockedEmails"
  | "auditEvents"
  | "organisers"
  | "organiserSessions"
  | "organiserInvitations"
  | "rateLimits"
  | "jobRuns"
  | "pagePayloads"
  | "signatureImports"
  | "updates"
  | "updateUnsubscribes"
  | "logEntries"
  | "campaignLogs"
  | "logTiles"
  | "campaignFigures"
  | "reasons"
  | "reasonMarks"
  | "reasonsGone"
>;

/** Typed as PostgreSQL's builders: SQLite's drizzle has the same under the same names, so one store's code runs on either;
 * what only one database has (row locks, `execute`) is reached through the Dialect instead. */
export type Handle = Pick<PgDatabase<NodePgQueryResultHKT, typeof postgresSchema>, "select" | "selectDistinct" | "insert" | "update" | "delete">;

/** A change to a campaign's counts, made in the transaction that changed its signatures. */
export type CountChange = { confirmed?: number; pending?: number };

/** How a dialect keeps each campaign's counts so that reading them never scans the signatures. */
export interface CountKeeper {
  /** Newly confirmed signatures take as many signer numbers (never given twice, even after withdrawals); returns the last. */
  move(tx: Handle, campaignId: number, change: CountChange, now: Date): Promise<number>;
  /** The number the next confirmed signer would be given, without taking it. */
  nextSignerNumber(handle: Handle, campaignId: number): Promise<number>;
  /** What a new campaign needs before its first signature (PostgreSQL: its signer-number sequence). */
  prepare(tx: Handle, campaignId: number): Promise<void>;
  /** The campaign's confirmed and pending counts as SQL, for selects over `campaigns`. */
  readonly confirmedCount: SQL<number>;
  readonly pendingCount: SQL<number>;
}

/** How a dialect keeps each campaign's figures (db/chart-store.ts reads them), moved by triggers on signatures in the statement
 * that changes them (migrations SQLite 0013, PostgreSQL 0011). */
export interface FigureKeeper {
  /** The kept figures as a relation of (petition_id, kind, bucket, status, count), a bucket's rows to be summed: SQLite's table;
   * PostgreSQL's table and the deltas not yet folded into it. */
  readonly kept: SQL;
  /** Holds off every other writer of signatures until the transaction ends, so a recount compares like with like (PostgreSQL's
   * table lock; SQLite's writer already holds the whole file). */
  hold(tx: Handle): Promise<void>;
  /** Forgets a campaign's figures not yet in campaign_figures (PostgreSQL's unfolded deltas), for a recount to write them anew. */
  forgetUnfolded(tx: Handle, campaignId: number): Promise<void>;
}

export type LockOptions = { of?: PgTable; skipLocked?: boolean };

/** Changes that must wait for each other across processes (PostgreSQL's advisory locks; SQLite has one writer). */
export type TurnName = "organisers" | "campaign-sequences" | "count-log";

export interface Dialect {
  readonly kind: "sqlite" | "postgres";
  readonly tables: Tables;
  /** Whether counts moved are written to the count log (db/log-entries.ts): off only to measure its cost. */
  readonly countLog: boolean;
  /** The handle for reads outside a transaction: refused inside one, where only the transaction's handle may be used. */
  read(): Handle;
  /** One transaction, `tx` the only handle it may use; on SQLite, writes arriving in the same turn of the event loop share one
   * commit (and one fsync), each in a savepoint of its own, each answered once the commit is durable. */
  write<T>(work: (tx: Handle) => Promise<T>): Promise<T>;
  /** Runs one statement as a transaction of its own: queued for the group commit on SQLite, sent alone on PostgreSQL. */
  statement<T>(work: (handle: Handle) => PromiseLike<T>): Promise<T>;
  /** The rows of a raw query, named as the query names its columns, values as the driver gives them. */
  rows<Row>(handle: Handle, query: SQL): Promise<Row[]>;
  /** Runs a raw statement and says how many rows it changed. */
  run(handle: Handle, query: SQL): Promise<number>;
  /** The select's rows, locked until the transaction ends where the database locks rows (SQLite's writer already holds the whole file). */
  locked<Q extends PromiseLike<unknown>>(query: Q, options?: LockOptions): Promise<Awaited<Q>>;
  /** What a raw select that claims rows ends with: `for update skip locked`, or nothing on SQLite. */
  readonly claimRows: SQL;
  /** SQLite runs `each`, prepared once, per row (no round trip to save, and several times faster than one statement of
   * hundreds of rows' values); PostgreSQL sends `all` in one round trip. */
  insertMany<Row, Out>(rows: readonly Row[], each: (row: Row) => PromiseLike<Out[]>, all: (rows: readonly Row[]) => PromiseLike<Out[]>): Promise<Out[]>;
  /** Names the index a raw query must read (SQLite's INDEXED BY); nothing where the planner weighs statistics. */
  indexedBy(index: string): SQL;
  /** The start of a time's UTC hour or day, for grouping: SQLite's milliseconds rounded down, PostgreSQL's date_trunc. */
  bucketStart(column: PgColumn, unit: TimeUnit): SQL;
  /** Waits, inside the transaction, until no other process is making a change of this kind. */
  takeTurn(tx: Handle, turn: TurnName): Promise<void>;
  /**
   * A turn whose work is mostly reading and computing: `prepare` reads and makes what `write` stores. PostgreSQL runs both in
   * one transaction that holds the turn throughout (other writes go on beside it, and other processes' turns wait rather than
   * repeat the work). SQLite prepares from the read connection, holding nothing, since its one writer would stop every write
   * meanwhile, and only writes in a transaction: there `write` must check that what `prepare` read still holds.
   */
  prepareThenWrite<P, T>(turn: TurnName, prepare: (handle: Handle) => Promise<P>, write: (tx: Handle, prepared: P) => Promise<T>): Promise<T>;
  /** Tells every process's live hub, once the transaction commits, that the campaign's public view moved. */
  announce(tx: Handle, slug: string): Promise<void>;
  readonly counts: CountKeeper;
  readonly figures: FigureKeeper;
  /** Erased rows were deleted: let their old versions leave the database's logs soon (SQLite's WAL scrub). */
  erased(): void;
  /** A signature needing no confirmation or mail goes in one statement with others arriving at that moment, limits and all;
   * undefined when the address had signed (the caller then decides the repeat). */
  insertTogether?(values: NewSignature, limits: readonly LimitCharge[]): Promise<InsertOutcome | undefined>;
  /** Set-up, health, notices and backups, which differ on each database. */
  readonly lifecycle: DatabasePort;
}

/** SQLite's handles are its two connections, so a statement is prepared once; each PostgreSQL transaction is a handle of its
 * own, built anew (the server prepares it once per connection, by its name). */
export function perHandle<T>(build: (handle: Handle) => T): (handle: Handle) => T {
  const built = new WeakMap<Handle, T>();
  return (handle) => {
    let value = built.get(handle);
    if (value === undefined) built.set(handle, (value = build(handle)));
    return value;
  };
}

/** What each database does its own way, built by its open function over its own connections: the search's index hints
 * and the export (SQLite's worker threads, PostgreSQL's keyset pages). */
export type OwnWork = {
  search: SearchDialect;
  exportSignatureCsv: SignatureStore["exportSignatureCsv"];
};

/** A prepared statement's values, each a placeholder of its column's name. */
export function placeholders<C extends string>(...columns: C[]): Record<C, Placeholder<C>> {
  // fromEntries cannot know its keys; they are exactly `columns`.
  return Object.fromEntries(columns.map((column) => [column, sql.placeholder(column)])) as Record<C, Placeholder<C>>;
}
