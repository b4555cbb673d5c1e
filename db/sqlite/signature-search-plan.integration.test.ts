import type { SQL } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { readPetitionCount } from "@/db/store";
import { emailKey } from "@/lib/email-key";
import type { SignatureSearch } from "@/lib/signature-search";
import { prepareDatabase, storedRows } from "@/test/database";
import { searchLimits, searchSignaturePage, type SearchIndex } from "../signature-search";
import { searchRowsQuery, sqliteSearch } from "./signature-search-store";

// SQLite's plan for every query a page of the search makes: each must be a search of an index,
// never a scan of the table, and only a filter that matched few may be sorted. A change that
// turns a page into a scan of millions fails here, on a database of a handful of rows.

type Plan = { detail: string }[];
let petitionId = 0;

beforeAll(async () => {
  await prepareDatabase();
  petitionId = (await readPetitionCount("white-helmets"))!.id;
});

/** Runs a page, with SQLite's plan of each query it made. */
async function plans(search: Omit<SignatureSearch, "petitionId">, cursor?: number): Promise<string[]> {
  let windows = 0;
  const queries: { where: SQL; order: "asc" | "desc"; limit: number; index: SearchIndex }[] = [];
  const recording = {
    ...sqliteSearch,
    // A fresh campaign has no rows to walk: these edges stand in for a big one's, window by window.
    windowEdge: async () => 5_000_000 - ++windows * searchLimits.windowRows,
    rows: async (where: SQL, order: "asc" | "desc", limit: number, index: SearchIndex) => {
      queries.push({ where, order, limit, index });
      return sqliteSearch.rows(where, order, limit, index);
    },
  };
  await searchSignaturePage(recording, { ...search, petitionId }, { direction: "older", cursor, size: 50 });
  return queries.map(({ where, order, limit, index }) => {
    const query = searchRowsQuery(where, order, limit, index).toSQL();
    return storedRows<Plan[number]>(`explain query plan ${query.sql}`, ...query.params)
      .map((row) => row.detail)
      .join("\n");
  });
}

describe("the plan of each page of the signature search", () => {
  it.each<[string, Omit<SignatureSearch, "petitionId">, RegExp]>([
    ["everyone", {}, /^SEARCH signatures USING (COVERING )?INDEX signatures_by_petition \(petition_id=\? AND id<\?\)$/],
    ["a country", { country: "SY" }, /^SEARCH signatures USING INDEX signatures_by_country \(petition_id=\? AND country=\? AND id<\?\)$/],
    ["an address", { emailKey: emailKey("someone@example.org"), status: "pending" }, /^SEARCH signatures USING INDEX signatures_one_per_email \(petition_id=\? AND email_key=\?\)/],
  ])("reads %s from its index in id order, with no sort", async (_, search, plan) => {
    const [only, ...more] = await plans(search, 4_000_000);
    expect(more).toEqual([]);
    expect(only).toMatch(plan);
    expect(only).not.toContain("TEMP B-TREE");
  });

  it.each<[string, Omit<SignatureSearch, "petitionId">, string]>([
    ["a name's start", { namePrefix: "amina", country: "SY" }, "signatures_by_name (petition_id=? AND name_key>? AND name_key<?)"],
    ["a domain", { emailDomain: "example.org", country: "SY" }, "signatures_by_domain (petition_id=? AND email_domain=?)"],
    ["a status", { status: "suspected" }, "signatures_public_by_petition (petition_id=? AND status=?)"],
    ["a range of dates", { from: new Date("2026-01-01"), to: new Date("2026-02-01") }, "signatures_by_time (petition_id=? AND signed_at>? AND signed_at<?)"],
  ])("reads %s that matched few from that filter's own index", async (_, search, index) => {
    const [only, ...more] = await plans(search);
    expect(more).toEqual([]);
    expect(only).toContain(`SEARCH signatures USING INDEX ${index}`);
  });

  it.each<[string, Omit<SignatureSearch, "petitionId">, RegExp]>([
    ["a name's start", { namePrefix: "amina" }, /^SEARCH signatures USING (COVERING )?INDEX signatures_by_petition \(petition_id=\? AND id>\?( AND id<\?)?\)$/],
    ["a country and a status", { country: "SY", status: "confirmed" }, /^SEARCH signatures USING INDEX signatures_by_country \(petition_id=\? AND country=\? AND id>\?( AND id<\?)?\)$/],
  ])("walks a window of ids for %s that matched many, with no sort", async (_, search, plan) => {
    const saved = { ...searchLimits };
    Object.assign(searchLimits, { sparseCap: -1 });
    try {
      const windows = await plans(search);
      expect(windows.length).toBe(saved.budgetRows / saved.windowRows);
      for (const window of windows) {
        expect(window).toMatch(plan);
        expect(window).not.toContain("TEMP B-TREE");
      }
    } finally {
      Object.assign(searchLimits, saved);
    }
  });
});
