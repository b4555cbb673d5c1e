import { asc, count, desc, sql, type Column, type SQL } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { prefixEnd, type SearchDialect } from "../signature-search";
import * as schema from "./schema";

const { signatures } = schema;

const listed = {
  id: signatures.id,
  fullName: signatures.fullName,
  email: signatures.email,
  country: signatures.country,
  status: signatures.status,
  signedAt: signatures.signedAt,
};

const byId = (order: "asc" | "desc") => (order === "asc" ? asc(signatures.id) : desc(signatures.id));

/** PostgreSQL has no index hints and weighs each query by its statistics, so the filters that do not lead are wrapped
 * (residual) and only the leading one's index can serve it. */
export function postgresSearch(orm: NodePgDatabase<typeof schema>): SearchDialect {
  return {
    columns: signatures,
    // An expression of the column that keeps its value: no index on the column can serve it.
    residual: (column: Column) =>
      column.dataType === "date" ? sql`(${column} + interval '0 s')` : column.dataType === "number" ? sql`(${column} + 0)` : sql`(${column} || '')`,
    // The pattern operators compare bytes, as signatures_by_name's text_pattern_ops orders them.
    startsWith: (column, prefix, residual) =>
      residual ? sql`starts_with(${column}, ${prefix})` : sql`(${column} ~>=~ ${prefix} and ${column} ~<~ ${prefixEnd(prefix)})`,
    countUpTo: async (where: SQL, cap: number) => {
      const matching = orm.select({ one: sql`1` }).from(signatures).where(where).limit(cap + 1).as("matching");
      const [row] = await orm.select({ n: count() }).from(matching);
      return row?.n ?? 0;
    },
    rows: async (where, order, limit) => orm.select(listed).from(signatures).where(where).orderBy(byId(order)).limit(limit),
    windowEdge: async (where, order, rows) => {
      const [row] = await orm.select({ id: signatures.id }).from(signatures).where(where).orderBy(byId(order)).limit(1).offset(rows - 1);
      return row?.id;
    },
  };
}
