import { asc, count, desc, sql, type Column, type SQL } from "drizzle-orm";
import type { SignatureListPage, SignaturePageRequest, SignatureSearch } from "@/lib/signature-search";
import { prefixEnd, searchSignaturePage, type SearchDialect, type SearchIndex } from "../signature-search";
import { database } from "./client";
import { signatures } from "./schema";

// As SQL rather than columns, since the query reads from "signatures indexed by …", which drizzle
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

/**
 * One page's query, apart so a test can read SQLite's plan for it. The index is named: without
 * statistics SQLite prefers an index that saves the sort, and would walk every row of a campaign
 * for a filter that matched three.
 */
export const searchRowsQuery = (where: SQL, order: "asc" | "desc", limit: number, index: SearchIndex) =>
  database()
    .orm.select(listed)
    .from(sql`${signatures} indexed by ${sql.identifier(index)}`)
    .where(where)
    .orderBy(order === "asc" ? asc(signatures.id) : desc(signatures.id))
    .limit(limit);

export const sqliteSearch: SearchDialect = {
  columns: signatures,
  // SQLite's own hint: a unary + leaves the value as it is and keeps the column's indexes out of the plan.
  residual: (column: Column) => sql`+${column}`,
  // Binary collation compares UTF-8 bytes, so the keys starting with a prefix are one range.
  startsWith: (column, prefix, residual) => {
    const key = residual ? sql`+${column}` : column;
    return sql`(${key} >= ${prefix} and ${key} < ${prefixEnd(prefix)})`;
  },
  countUpTo: async (where, cap) => {
    const [row] = database()
      .orm.select({ n: count() })
      .from(database().orm.select({ one: sql`1` }).from(signatures).where(where).limit(cap + 1).as("matching"))
      .all();
    return row?.n ?? 0;
  },
  rows: async (where, order, limit, index) => searchRowsQuery(where, order, limit, index).all(),
  windowEdge: async (where, order, rows, index) => {
    const [row] = database()
      .orm.select({ id: column(signatures.id) })
      .from(sql`${signatures} indexed by ${sql.identifier(index)}`)
      .where(where)
      .orderBy(order === "asc" ? asc(signatures.id) : desc(signatures.id))
      .limit(1)
      .offset(rows - 1)
      .all();
    return row?.id;
  },
};

export async function searchSignatures(search: SignatureSearch, page: SignaturePageRequest): Promise<SignatureListPage> {
  return searchSignaturePage(sqliteSearch, search, page);
}
