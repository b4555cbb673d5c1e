import { execFileSync } from "node:child_process";
import Database from "better-sqlite3";
import { Client, types } from "pg";

/**
 * Reads and writes a test database as an auditor would, on a connection of its own, whichever
 * dialect it is: SQLite through better-sqlite3, PostgreSQL through psql (so reads stay as simple
 * and synchronous as SQLite's). Rows come back in SQLite's shapes, so a test reads the same on
 * both: flags as 1 or 0, times as epoch milliseconds.
 */
export type Row = Record<string, unknown>;

const isPostgres = (url: string) => /^postgres(ql)?:\/\//.test(url);
const sqliteFile = (url: string) => url.slice("file:".length).replace(/^\/\/(?=\/)/, "");

/** A value written into PostgreSQL's SQL text: test values only, never user input. */
function literal(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (value instanceof Date) return `'${value.toISOString()}'::timestamptz`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  return `'${String(value).replaceAll("'", "''")}'`;
}

/** Puts each `?` (outside quotes) to its parameter. */
function bind(sql: string, params: unknown[]): string {
  let i = 0;
  return sql.replace(/'[^']*'|\?/g, (token) => (token === "?" ? literal(params[i++]) : token));
}

const timestamp = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?[+-]\d\d:\d\d$/;

function sqliteShape(row: Row): Row {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [
      key,
      typeof value === "boolean" ? (value ? 1 : 0) : typeof value === "string" && timestamp.test(value) ? Date.parse(value) : value,
    ]),
  );
}

function psql(url: string, sql: string): string {
  // A whole table as JSON outgrows execFileSync's default 1 MB of output (db:copy's test reads thousands of rows).
  return execFileSync("psql", [url, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

const sqliteValue = (value: unknown) => (value instanceof Date ? value.getTime() : typeof value === "boolean" ? Number(value) : value);

export function queryRows<R = Row>(url: string, sql: string, ...params: unknown[]): R[] {
  if (isPostgres(url)) {
    const json = psql(url, `select coalesce(json_agg(t), '[]') from (${bind(sql, params)}) t`);
    return (JSON.parse(json) as Row[]).map(sqliteShape) as R[];
  }
  const db = new Database(sqliteFile(url), { readonly: true });
  try {
    return db.prepare(sql).all(...params.map(sqliteValue)) as R[];
  } finally {
    db.close();
  }
}

export function executeSql(url: string, sql: string, ...params: unknown[]): void {
  if (isPostgres(url)) {
    psql(url, bind(sql, params));
    return;
  }
  const db = new Database(sqliteFile(url));
  try {
    db.pragma("busy_timeout = 5000");
    db.prepare(sql).run(...params.map(sqliteValue));
  } finally {
    db.close();
  }
}

/** A connection kept open for a test that reads often (the fuzz test reads after every case). */
export type Reader = { all<R = Row>(sql: string, ...params: unknown[]): Promise<R[]>; close(): Promise<void> };

export async function openReader(url: string): Promise<Reader> {
  if (isPostgres(url)) {
    // Counts are bigints, which pg hands over as strings; SQLite's shape is a number.
    const client = new Client({
      connectionString: url,
      types: { getTypeParser: (oid: number, format?: "text" | "binary") => (oid === 20 ? Number : types.getTypeParser(oid, format)) },
    });
    await client.connect();
    return {
      async all<R = Row>(sql: string, ...params: unknown[]) {
        let n = 0;
        const text = sql.replace(/'[^']*'|\?/g, (token) => (token === "?" ? `$${++n}` : token));
        const { rows } = await client.query(text, params);
        return (rows as Row[]).map((row) =>
          sqliteShape(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString().replace("Z", "+00:00") : v]))),
        ) as R[];
      },
      close: () => client.end(),
    };
  }
  const db = new Database(sqliteFile(url), { readonly: true });
  return {
    async all<R = Row>(sql: string, ...params: unknown[]) {
      return db.prepare(sql).all(...params.map(sqliteValue)) as R[];
    },
    async close() {
      db.close();
    },
  };
}
