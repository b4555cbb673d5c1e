import { setImmediate as nextTurn } from "node:timers/promises";
import { and, sql, type Column, type SQL } from "drizzle-orm";
import type { SignatureListPage, SignatureListRow, SignaturePageRequest, SignatureSearch } from "@/lib/domain/signature-search";

// Pages go newest first from an id bound (the cursor), never an offset. A rare filter could make a walk of the index long,
// so it goes `windowRows` at a time, a turn of the event loop between, and stops after `budgetRows`: the page says so.

export const searchLimits = { sparseCap: 1_000, windowRows: 20_000, budgetRows: 200_000 };

export type SearchColumns = Record<"id" | "campaignId" | "nameKey" | "emailKey" | "emailDomain" | "country" | "status" | "signedAt", Column>;

/** What a dialect gives the search: its columns, its way with a prefix, and three queries. */
export type SearchDialect = {
  columns: SearchColumns;
  /** The column as a value no index may serve, so the planner keeps to the index chosen here. */
  residual(column: Column): SQL;
  /** Keys starting with `prefix`, as one range of an index (or, residual, tested on each row). */
  startsWith(column: Column, prefix: string, residual: boolean): SQL;
  /** How many rows match, counting no further than cap + 1, through the index named. */
  countUpTo(where: SQL, cap: number, index: SearchIndex): Promise<number>;
  /** Rows in id order, read through the index named (SQLite is told; PostgreSQL's planner weighs it by its statistics). */
  rows(where: SQL, order: "asc" | "desc", limit: number, index: SearchIndex): Promise<SignatureListRow[]>;
  /** The id `rows` entries along the index from where `where` starts, in `order`; undefined if fewer remain. */
  windowEdge(where: SQL, order: "asc" | "desc", rows: number, index: SearchIndex): Promise<number | undefined>;
};

/** The indexes a page may be read through, as both schemas name them. */
export type SearchIndex =
  | "signatures_by_petition"
  | "signatures_by_country"
  | "signatures_one_per_email"
  | "signatures_by_name"
  | "signatures_by_domain"
  | "signatures_public_by_petition"
  | "signatures_by_time";

type Filter = { index: SearchIndex; test: (residual: boolean) => SQL };

function compare(d: SearchDialect, column: Column, op: "=" | ">=" | "<=" | "<" | ">", value: unknown, residual: boolean): SQL {
  return sql`${residual ? d.residual(column) : column} ${sql.raw(op)} ${sql.param(value, column)}`;
}

/** The filters that have an index of their own, each of which may lead when it matches few. */
function sparseFilters(d: SearchDialect, s: SignatureSearch): Filter[] {
  const c = d.columns;
  const filters: Filter[] = [];
  if (s.namePrefix !== undefined) filters.push({ index: "signatures_by_name", test: (r) => d.startsWith(c.nameKey, s.namePrefix!, r) });
  if (s.emailDomain !== undefined) filters.push({ index: "signatures_by_domain", test: (r) => compare(d, c.emailDomain, "=", s.emailDomain, r) });
  if (s.status !== undefined) filters.push({ index: "signatures_public_by_petition", test: (r) => compare(d, c.status, "=", s.status, r) });
  if (s.from !== undefined || s.to !== undefined) {
    filters.push({
      index: "signatures_by_time",
      test: (r) =>
        and(
          s.from === undefined ? undefined : compare(d, c.signedAt, ">=", s.from, r),
          s.to === undefined ? undefined : compare(d, c.signedAt, "<", s.to, r),
        )!,
    });
  }
  return filters;
}

export async function searchSignaturePage(d: SearchDialect, search: SignatureSearch, page: SignaturePageRequest): Promise<SignatureListPage> {
  const found = await findPage(d, search, page);
  // Newer, up to the top: the newest full page rather than a short one.
  if (page.direction === "newer" && found.complete && found.rows.length < page.size) return (await findPage(d, search, { ...page, direction: "older", cursor: undefined })).result;
  return found.result;
}

type Found = { rows: SignatureListRow[]; complete: boolean; result: SignatureListPage };

async function findPage(d: SearchDialect, search: SignatureSearch, page: SignaturePageRequest): Promise<Found> {
  const c = d.columns;
  const order = page.direction === "older" ? "desc" : "asc";
  const campaign = compare(d, c.campaignId, "=", search.campaignId, false);
  const cursor = (residual: boolean) =>
    page.cursor === undefined ? undefined : compare(d, c.id, page.direction === "older" ? "<" : ">", page.cursor, residual);
  const limit = page.size + 1;
  const sparse = sparseFilters(d, search);

  // An address: the unique index, with everything else tested on its one row.
  if (search.emailKey !== undefined) {
    const others = and(...sparse.map((f) => f.test(true)), search.country === undefined ? undefined : compare(d, c.country, "=", search.country, true));
    const where = and(campaign, compare(d, c.emailKey, "=", search.emailKey, false), others, cursor(true))!;
    return shape(page, await d.rows(where, order, limit, "signatures_one_per_email"), undefined);
  }

  // The filter with an index of its own that matches fewest, if few enough to sort: a small sort whatever the page.
  let leader: { filter: Filter; count: number } | undefined;
  for (const filter of sparse) {
    const count = await d.countUpTo(and(campaign, filter.test(false))!, searchLimits.sparseCap, filter.index);
    if (count <= searchLimits.sparseCap && (!leader || count < leader.count)) leader = { filter, count };
  }
  const country = (residual: boolean) => (search.country === undefined ? undefined : compare(d, c.country, "=", search.country, residual));
  if (leader) {
    const { filter } = leader;
    const where = and(campaign, filter.test(false), ...sparse.filter((f) => f !== filter).map((f) => f.test(true)), country(true), cursor(true))!;
    return shape(page, await d.rows(where, order, limit, filter.index), undefined);
  }

  // Many match: walk the ordered index, testing the rest on each row.
  const residuals = sparse.map((f) => f.test(true));
  const lead = and(campaign, country(false))!;
  const index = search.country === undefined ? "signatures_by_petition" : "signatures_by_country";
  if (residuals.length === 0) return shape(page, await d.rows(and(lead, cursor(false))!, order, limit, index), undefined);
  const older = page.direction === "older";
  const rows: SignatureListRow[] = [];
  // Where the next window starts: going older, ids below it; going newer, from it up. None: an end.
  let bound = page.cursor === undefined ? undefined : older ? page.cursor : page.cursor + 1;
  let examined = 0;
  let end = false;
  while (rows.length < limit && examined < searchLimits.budgetRows && !end) {
    if (examined > 0) await nextTurn();
    const from = bound === undefined ? undefined : compare(d, c.id, older ? "<" : ">=", bound, false);
    const edge = await d.windowEdge(and(lead, from)!, order, searchLimits.windowRows, index);
    const to = edge === undefined ? undefined : compare(d, c.id, older ? ">=" : "<=", edge, false);
    rows.push(...(await d.rows(and(lead, from, to, ...residuals)!, order, limit - rows.length, index)));
    examined += searchLimits.windowRows;
    if (edge === undefined) end = true;
    else bound = older ? edge : edge + 1;
  }
  return shape(page, rows, rows.length < limit && !end ? bound : undefined);
}

/** From up to size + 1 rows in the order asked, the extra one saying there are more; `stopped` is where a walk gave up before
 * the end: the first id bound it did not look past. */
function shape(page: SignaturePageRequest, got: SignatureListRow[], stopped: number | undefined): Found {
  const more = got.length > page.size;
  const rows = got.slice(0, page.size);
  const last = rows.at(-1)?.id;
  const stoppedEarly = stopped !== undefined;
  if (page.direction === "older") {
    const older = more ? last : stopped;
    const newer = page.cursor === undefined ? undefined : (rows[0]?.id ?? page.cursor - 1);
    return { rows, complete: !more && !stoppedEarly, result: { rows, older, newer, stoppedEarly } };
  }
  // Going newer, `stopped` is the first id not looked at: everything below it has been.
  const newer = more ? last : stopped === undefined ? undefined : stopped - 1;
  const older = rows[0]?.id ?? (page.cursor === undefined ? undefined : page.cursor + 1);
  return { rows, complete: !more && !stoppedEarly, result: { rows: [...rows].reverse(), older, newer, stoppedEarly } };
}

/** The least string greater than every string starting with `prefix`, compared by code point. */
export function prefixEnd(prefix: string): string {
  const points = [...prefix];
  const lastPoint = points.pop()?.codePointAt(0) ?? 0;
  // Past the last code point there is none to step to; nothing a person types ends in it.
  const next = lastPoint >= 0x10ffff ? 0x10ffff : lastPoint + 1 === 0xd800 ? 0xe000 : lastPoint + 1;
  return points.join("") + String.fromCodePoint(next);
}
