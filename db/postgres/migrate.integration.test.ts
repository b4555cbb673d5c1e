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

/** The migrations as an earlier release had them: the first `count` alone, in a folder of their own. */
function release(count: number): string {
  const folder = path.join(process.cwd(), "db/postgres/migrations");
  const earlier = mkdtempSync(path.join(tmpdir(), "countersign-pg-migrations-"));
  mkdirSync(path.join(earlier, "meta"));
  const journal = JSON.parse(readFileSync(path.join(folder, "meta/_journal.json"), "utf8")) as { entries: { tag: string }[] };
  const entries = journal.entries.slice(0, count);
  for (const { tag } of entries) cpSync(path.join(folder, `${tag}.sql`), path.join(earlier, `${tag}.sql`));
  writeFileSync(path.join(earlier, "meta/_journal.json"), JSON.stringify({ ...journal, entries }));
  return earlier;
}

describe("migrating to organiser roles (0002)", () => {
  it("makes every organiser there was an owner and keeps their sessions; one made later without a role is a viewer", async () => {
    const url = createTestDatabase("roles");
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const folder = path.join(process.cwd(), "db/postgres/migrations");
      const earlier = release(2);
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

describe("migrating to sealed mail (0007)", () => {
  it("empties the clear body of every message sent or given up, and leaves the ones still waiting to go", async () => {
    const url = createTestDatabase("sealed_mail");
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const earlier = release(7);
      await migrate(drizzle(client), { migrationsFolder: earlier });
      rmSync(earlier, { recursive: true, force: true });
      await client.query(`
        insert into outbox (kind, to_address, subject, body, next_attempt_at, created_at, failed_at)
          values ('confirmation', 'gave-up@example.org', 'Confirm', 'https://sign.example.org/en/confirm/a-working-token', now(), now(), now());
        insert into outbox (kind, to_address, subject, body, next_attempt_at, created_at)
          values ('confirmation', 'waiting@example.org', 'Confirm', 'https://sign.example.org/en/confirm/another-token', now(), now());
      `);
      await migrate(drizzle(client), { migrationsFolder: path.join(process.cwd(), "db/postgres/migrations") });
      expect(queryRows(url, "select to_address, body from outbox order by id")).toEqual([
        { to_address: "gave-up@example.org", body: "" },
        { to_address: "waiting@example.org", body: "https://sign.example.org/en/confirm/another-token" },
      ]);
    } finally {
      await client.end();
      dropTestDatabase(url);
    }
  });
});
