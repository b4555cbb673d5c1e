import { asc, count, desc, sql, type Column, type SQL } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { prefixEnd, type SearchDialect, type SearchIndex } from "../signature-search";
import * as schema from "./schema";

type Orm = BetterSQLite3Database<typeof schema>;
const { signatures } = schema;

// As SQL rather than columns, since the queries read from "signatures indexed by …", which drizzle
// does not know for the table; each is decoded as its column is.
const column = <C extends Column>(c: C) => sql<C["_"]["data"]>`${c}`.mapWith(c);
const listed = {
  id: column(signatures.id),
  fullName: column(signatures.fullName),
  email: column(signatures.email),
  country: column(signatures.country),
  status: column(signatures.status),
  signedAt: column(signatures.signedAt),
};

// Each query names its index: without statistics SQLite prefers an index that saves the sort, and
// would walk every row of a campaign for a filter that matched three.
const through = (index: SearchIndex) => sql`${signatures} indexed by ${sql.identifier(index)}`;
const byId = (order: "asc" | "desc") => (order === "asc" ? asc(signatures.id) : desc(signatures.id));

/** The queries a page makes on the read-only connection, apart so a test can read SQLite's plan of each. */
export function sqliteSearchQueries(reader: () => Orm) {
  return {
    rows: (where: SQL, order: "asc" | "desc", limit: number, index: SearchIndex) =>
      reader().select(listed).from(through(index)).where(where).orderBy(byId(order)).limit(limit),
    countUpTo: (where: SQL, cap: number, index: SearchIndex) =>
      reader()
        .select({ n: count() })
        .from(reader().select({ one: sql`1` }).from(through(index)).where(where).limit(cap + 1).as("matching")),
    windowEdge: (where: SQL, order: "asc" | "desc", rows: number, index: SearchIndex) =>
      reader()
        .select({ id: column(signatures.id) })
        .from(through(index))
        .where(where)
        .orderBy(byId(order))
        .limit(1)
        .offset(rows - 1),
  };
}

export function sqliteSearch(queries: ReturnType<typeof sqliteSearchQueries>): SearchDialect {
  return {
    columns: signatures,
    // SQLite's own hint: a unary + leaves the value as it is and keeps the column's indexes out of the plan.
    residual: (column: Column) => sql`+${column}`,
    // Binary collation compares UTF-8 bytes, so the keys starting with a prefix are one range.
    startsWith: (column, prefix, residual) => {
      const key = residual ? sql`+${column}` : column;
      return sql`(${key} >= ${prefix} and ${key} < ${prefixEnd(prefix)})`;
    },
    countUpTo: async (where, cap, index) => queries.countUpTo(where, cap, index).all()[0]?.n ?? 0,
    rows: async (where, order, limit, index) => queries.rows(where, order, limit, index).all(),
    windowEdge: async (where, order, rows, index) => queries.windowEdge(where, order, rows, index).all()[0]?.id,
  };
}
