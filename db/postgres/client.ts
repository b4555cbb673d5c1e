import { AsyncLocalStorage } from "node:async_hooks";
import { drizzle, type NodePgQueryResultHKT } from "drizzle-orm/node-postgres";
import type { PgDatabase } from "drizzle-orm/pg-core";
import { Pool, type PoolClient } from "pg";
import { config } from "@/lib/config";
import { logger } from "@/lib/log";
import * as schema from "./schema";

/** What a store function may query through: the pool, or the transaction it was handed. */
export type PgHandle = PgDatabase<NodePgQueryResultHKT, typeof schema>;

function createDatabase() {
  const settings = config();
  const pool = new Pool({ connectionString: settings.DATABASE_URL, max: settings.DATABASE_POOL_SIZE });
  // An idle connection the server dropped (a restart, a failover) is only logged: the pool makes
  // a new one for the next query, and a crash here would take every request with it.
  pool.on("error", (error: Error & { code?: string }) =>
    logger().warn({ code: error.code, reason: error.message }, "an idle PostgreSQL connection failed; the pool will replace it"),
  );
  return { pool, orm: drizzle(pool, { schema }) };
}

let opened: ReturnType<typeof createDatabase> | undefined;
const poolOf = () => (opened ??= createDatabase());

const transaction = new AsyncLocalStorage<true>();

/**
 * The process's pool (one per copy of this module). Refused inside a transaction: there a query
 * must run on the handle the transaction passed in, since one on the pool would run on another
 * connection and commit apart from it, without a word.
 */
export function database(): ReturnType<typeof createDatabase> {
  if (transaction.getStore()) {
    throw new Error("database() was called inside a transaction; query through the transaction's handle instead");
  }
  return poolOf();
}

/** Runs `work` in one transaction on one connection, handing it the only handle it may query through. */
export function inTransaction<T>(work: (tx: PgHandle) => Promise<T>): Promise<T> {
  return database().orm.transaction((tx) => transaction.run(true, () => work(tx)));
}

/** A connection of the pool's for work that must stay on one session (advisory locks, COPY). */
export async function withConnection<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await database().pool.connect();
  try {
    return await work(client);
  } finally {
    client.release();
  }
}

export async function closeDatabase(): Promise<void> {
  const pool = opened?.pool;
  opened = undefined;
  await stopBackgroundWork();
  await pool?.end();
}

/** Work that keeps connections of its own (the folder, the listener); they stop before the pool closes. */
const stoppers: (() => Promise<void>)[] = [];
export function onClose(stop: () => Promise<void>): void {
  stoppers.push(stop);
}
async function stopBackgroundWork(): Promise<void> {
  await Promise.all(stoppers.splice(0).map((stop) => stop()));
}

/** PostgreSQL keeps no files beside its data that this process could write, so SECRET_KEY is required. */
export function secretKeyLocation(): undefined {
  return undefined;
}
