import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase, dropTestDatabase } from "@/test/postgres";
import { queryRows } from "@/test/rows";

const empty = createTestDatabase("migrate");
const committed = (JSON.parse(readFileSync(path.join(process.cwd(), "db/postgres/migrations/meta/_journal.json"), "utf8")) as { entries: unknown[] }).entries.length;
afterAll(() => dropTestDatabase(empty));

describe("migrations on PostgreSQL", () => {
  it("bring up six processes starting at once on an empty database, each waiting its turn", async () => {
    const run = promisify(execFile);
    const results = await Promise.all(
      Array.from({ length: 6 }, () => run(process.execPath, ["--import", "tsx", "test/migrate-once.ts"], { env: { ...process.env, DATABASE_URL: empty } })),
    );
    expect(results.map((r) => r.stdout)).toEqual(Array(6).fill("migrated"));
    expect(queryRows(empty, "select count(*) as n from drizzle.__drizzle_migrations")).toEqual([{ n: committed }]);
    expect(queryRows(empty, "select count(*) as n from information_schema.tables where table_name = 'signatures'")).toEqual([{ n: 1 }]);
  }, 60_000);
});
