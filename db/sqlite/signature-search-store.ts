import { asc, count, desc, sql, type Column, type SQL } from "drizzle-orm";
import type { SignatureListPage, SignaturePageRequest, SignatureSearch } from "@/lib/signature-search";
import { prefixEnd, searchSignaturePage, type SearchDialect } from "../signature-search";
import { database } from "./client";
import { signatures } from "./schema";

const listed = {
  id: signatures.id,
  fullName: signatures.fullName,
  email: signatures.email,
  country: signatures.country,
  status: signatures.status,
  signedAt: signatures.signedAt,
};

/** One page's query, apart so a test can read SQLite's plan for it. */
export const searchRowsQuery = (where: SQL, order: "asc" | "desc", limit: number) =>
  database()
    .orm.select(listed)
    .from(signatures)
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
  rows: async (where, order, limit) => searchRowsQuery(where, order, limit).all(),
  idRange: async (petitionId) => {
    const [row] = database()
      .orm.select({ first: sql<number | null>`min(${signatures.id})`, last: sql<number | null>`max(${signatures.id})` })
      .from(signatures)
      .where(sql`${signatures.petitionId} = ${petitionId}`)
      .all();
    return row?.first == null || row.last == null ? undefined : { first: row.first, last: row.last };
  },
};

export async function searchSignatures(search: SignatureSearch, page: SignaturePageRequest): Promise<SignatureListPage> {
  return searchSignaturePage(sqliteSearch, search, page);
}
