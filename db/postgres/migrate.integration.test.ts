import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { Client } from "pg";
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

describe("migrating to organiser roles (0002)", () => {
  it("makes every organiser there was an owner and keeps their sessions; one made later without a role is a viewer", async () => {
    const url = createTestDatabase("roles");
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const folder = path.join(process.cwd(), "db/postgres/migrations");
      const earlier = mkdtempSync(path.join(tmpdir(), "countersign-pg-migrations-"));
      mkdirSync(path.join(earlier, "meta"));
      const journal = JSON.parse(readFileSync(path.join(folder, "meta/_journal.json"), "utf8")) as { entries: { tag: string }[] };
      const entries = journal.entries.slice(0, 2);
      for (const { tag } of entries) cpSync(path.join(folder, `${tag}.sql`), path.join(earlier, `${tag}.sql`));
      writeFileSync(path.join(earlier, "meta/_journal.json"), JSON.stringify({ ...journal, entries }));
      await migrate(drizzle(client), { migrationsFolder: earlier });
      rmSync(earlier, { recursive: true, force: true });
      await client.query(`
        insert into admins (id, email, password_hash, created_at) values (1, 'first@example.org', 'h', now()), (2, 'second@example.org', 'h', now());
        insert into admin_sessions (id, admin_id, created_at, expires_at) values ('s1', 1, now(), now() + interval '1 hour');
      `);
      await migrate(drizzle(client), { migrationsFolder: folder });
      expect(queryRows(url, "select email, role from admins order by id")).toEqual([
        { email: "first@example.org", role: "owner" },
        { email: "second@example.org", role: "owner" },
      ]);
      expect(queryRows(url, "select admin_id from admin_sessions")).toEqual([{ admin_id: 1 }]);
      await client.query("insert into admins (id, email, password_hash, created_at) values (3, 'later@example.org', 'h', now())");
      expect(queryRows(url, "select role from admins where id = 3")).toEqual([{ role: "viewer" }]);
      await expect(client.query("update admins set role = 'admin' where id = 1")).rejects.toThrow(/admins_role_known/);
    } finally {
      await client.end();
      dropTestDatabase(url);
    }
  });
});
