import { asc, count, desc, sql, type Column, type SQL } from "drizzle-orm";
import type { SignatureListPage, SignaturePageRequest, SignatureSearch } from "@/lib/domain/signature-search";
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

// No index is named here: PostgreSQL has no hints, and weighs each by its statistics. The other
// filters are wrapped (residual) so only the leading one's index can serve the query.
const searchRowsQuery = (where: SQL, order: "asc" | "desc", limit: number) =>
  database()
    .orm.select(listed)
    .from(signatures)
    .where(where)
    .orderBy(order === "asc" ? asc(signatures.id) : desc(signatures.id))
    .limit(limit);

export const postgresSearch: SearchDialect = {
  columns: signatures,
  // An expression of the column that keeps its value: no index on the column can serve it.
  residual: (column: Column) =>
    column.dataType === "date" ? sql`(${column} + interval '0 s')` : column.dataType === "number" ? sql`(${column} + 0)` : sql`(${column} || '')`,
  // The pattern operators compare bytes, as signatures_by_name's text_pattern_ops orders them.
  startsWith: (column, prefix, residual) =>
    residual ? sql`starts_with(${column}, ${prefix})` : sql`(${column} ~>=~ ${prefix} and ${column} ~<~ ${prefixEnd(prefix)})`,
  countUpTo: async (where, cap) => {
    const matching = database().orm.select({ one: sql`1` }).from(signatures).where(where).limit(cap + 1).as("matching");
    const [row] = await database().orm.select({ n: count() }).from(matching);
    return row?.n ?? 0;
  },
  rows: async (where, order, limit) => searchRowsQuery(where, order, limit),
  windowEdge: async (where, order, rows) => {
    const [row] = await database()
      .orm.select({ id: signatures.id })
      .from(signatures)
      .where(where)
      .orderBy(order === "asc" ? asc(signatures.id) : desc(signatures.id))
      .limit(1)
      .offset(rows - 1);
    return row?.id;
  },
};

export async function searchSignatures(search: SignatureSearch, page: SignaturePageRequest): Promise<SignatureListPage> {
  return searchSignaturePage(postgresSearch, search, page);
}
