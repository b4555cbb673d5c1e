import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase, dropTestDatabase } from "@/test/postgres";
import { queryRows } from "@/test/rows";

const empty = createTestDatabase("migrate");
afterAll(() => dropTestDatabase(empty));

describe("migrations on PostgreSQL", () => {
  it("bring up six processes starting at once on an empty database, each waiting its turn", async () => {
    const run = promisify(execFile);
    const results = await Promise.all(
      Array.from({ length: 6 }, () => run(process.execPath, ["--import", "tsx", "test/migrate-once.ts"], { env: { ...process.env, DATABASE_URL: empty } })),
    );
    expect(results.map((r) => r.stdout)).toEqual(Array(6).fill("migrated"));
    expect(queryRows(empty, "select count(*) as n from drizzle.__drizzle_migrations")).toEqual([{ n: 1 }]);
    expect(queryRows(empty, "select count(*) as n from information_schema.tables where table_name = 'signatures'")).toEqual([{ n: 1 }]);
  }, 60_000);
});
