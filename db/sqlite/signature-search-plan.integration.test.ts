import { drizzle } from "drizzle-orm/better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stores } from "@/lib/stores";
import { emailKey } from "@/lib/domain/email-key";
import type { SignatureSearch } from "@/lib/domain/signature-search";
import { prepareDatabase, storedRows } from "@/test/database";
import { searchLimits, searchSignaturePage, type SearchDialect } from "../signature-search";
import { databasePath, openConnection, type SqliteConnection } from "./connection";
import * as schema from "./schema";
import { sqliteSearch as searchOn, sqliteSearchQueries } from "./search-dialect";

// SQLite's plan for every query a page of the search makes: each must be a search of an index,
// never a scan of the table, and only a filter that matched few may be sorted. A change that
// turns a page into a scan of millions fails here, on a database of a handful of rows.

type Query = { kind: "rows" | "count" | "edge"; plan: string };
let campaignId = 0;
// The search's queries on a read-only connection of the test's own, as the app's reader runs them.
let connection: SqliteConnection;
let searchQueries: ReturnType<typeof sqliteSearchQueries>;
let sqliteSearch: SearchDialect;

beforeAll(async () => {
  await prepareDatabase();
  campaignId = (await stores().campaigns.readCampaignStanding("white-helmets"))!.id;
  connection = openConnection(databasePath(process.env.DATABASE_URL!), { readonly: true });
  const orm = drizzle(connection, { schema });
  searchQueries = sqliteSearchQueries(() => orm);
  sqliteSearch = searchOn(searchQueries);
});

afterAll(() => connection.close());

const explain = (query: { toSQL(): { sql: string; params: unknown[] } }) => {
  const { sql, params } = query.toSQL();
  return storedRows<{ detail: string }>(`explain query plan ${sql}`, ...params)
    .map((row) => row.detail)
    .join("\n");
};

/** Runs a page, with SQLite's plan of each query it made. */
async function plans(search: Omit<SignatureSearch, "campaignId">, cursor?: number): Promise<Query[]> {
  const queries: Query[] = [];
  let windows = 0;
  const recording: SearchDialect = {
    ...sqliteSearch,
    countUpTo: async (where, cap, index) => {
      queries.push({ kind: "count", plan: explain(searchQueries.countUpTo(where, cap, index)) });
      return sqliteSearch.countUpTo(where, cap, index);
    },
    rows: async (where, order, limit, index) => {
      queries.push({ kind: "rows", plan: explain(searchQueries.rows(where, order, limit, index)) });
      return sqliteSearch.rows(where, order, limit, index);
    },
    // A fresh campaign has no rows to walk: these edges stand in for a big one's, window by window.
    windowEdge: async (where, order, rows, index) => {
      queries.push({ kind: "edge", plan: explain(searchQueries.windowEdge(where, order, rows, index)) });
      return 5_000_000 - ++windows * searchLimits.windowRows;
    },
  };
  await searchSignaturePage(recording, { ...search, campaignId }, { direction: "older", cursor, size: 50 });
  for (const { plan } of queries) {
    const reads = plan.split("\n").filter((line) => /\bsignatures\b/.test(line));
    expect(reads.length, plan).toBe(1);
    expect(reads[0]).toMatch(/^SEARCH signatures USING (COVERING )?INDEX /);
  }
  return queries;
}

const only = (queries: Query[], kind: Query["kind"]) => queries.filter((q) => q.kind === kind).map((q) => q.plan);

describe("the plan of each page of the signature search", () => {
  it.each<[string, Omit<SignatureSearch, "campaignId">, RegExp]>([
    ["everyone", {}, /^SEARCH signatures USING (COVERING )?INDEX signatures_by_petition \(petition_id=\? AND id<\?\)$/],
    ["a country", { country: "SY" }, /^SEARCH signatures USING INDEX signatures_by_country \(petition_id=\? AND country=\? AND id<\?\)$/],
    ["an address", { emailKey: emailKey("someone@example.org"), status: "pending" }, /^SEARCH signatures USING INDEX signatures_one_per_email \(petition_id=\? AND email_key=\?\)/],
  ])("reads %s from its index in id order, with no sort", async (_, search, plan) => {
    const [page, ...more] = only(await plans(search, 4_000_000), "rows");
    expect(more).toEqual([]);
    expect(page).toMatch(plan);
    expect(page).not.toContain("TEMP B-TREE");
  });

  it.each<[string, Omit<SignatureSearch, "campaignId">, string]>([
    ["a name's start", { namePrefix: "amina", country: "SY" }, "signatures_by_name (petition_id=? AND name_key>? AND name_key<?)"],
    ["a domain", { emailDomain: "example.org", country: "SY" }, "signatures_by_domain (petition_id=? AND email_domain=?)"],
    ["a status", { status: "suspected" }, "signatures_public_by_petition (petition_id=? AND status=?)"],
    ["a range of dates", { from: new Date("2026-01-01"), to: new Date("2026-02-01") }, "signatures_by_time (petition_id=? AND signed_at>? AND signed_at<?)"],
  ])("counts and reads %s that matched few through that filter's own index", async (_, search, index) => {
    const queries = await plans(search);
    const [page, ...more] = only(queries, "rows");
    expect(more).toEqual([]);
    expect(page).toContain(`SEARCH signatures USING INDEX ${index}`);
    expect(only(queries, "count")).toEqual([expect.stringContaining(`SEARCH signatures USING COVERING INDEX ${index}`)]);
  });

  it.each<[string, Omit<SignatureSearch, "campaignId">, RegExp]>([
    ["a name's start", { namePrefix: "amina" }, /^SEARCH signatures USING (COVERING )?INDEX signatures_by_petition \(petition_id=\? AND id>\?( AND id<\?)?\)$/],
    ["a country and a status", { country: "SY", status: "confirmed" }, /^SEARCH signatures USING (COVERING )?INDEX signatures_by_country \(petition_id=\? AND country=\?( AND id[<>]\?){1,2}\)$/],
  ])("walks windows of the ordered index for %s that matched many, with no sort", async (_, search, plan) => {
    const saved = { ...searchLimits };
    Object.assign(searchLimits, { sparseCap: -1 });
    try {
      const queries = await plans(search);
      const windows = only(queries, "rows");
      expect(windows.length).toBe(saved.budgetRows / saved.windowRows);
      for (const window of windows) {
        expect(window).toMatch(plan);
        expect(window).not.toContain("TEMP B-TREE");
      }
      for (const edge of only(queries, "edge")) {
        expect(edge).toMatch(/^SEARCH signatures USING COVERING INDEX signatures_by_(petition|country) /);
        expect(edge).not.toContain("TEMP B-TREE");
      }
    } finally {
      Object.assign(searchLimits, saved);
    }
  });
});
