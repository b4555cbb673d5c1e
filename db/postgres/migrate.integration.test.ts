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

/** The migrations as the release before the one whose tag ends with `suffix` had them. */
function releaseBefore(suffix: string): string {
  const journal = JSON.parse(readFileSync(path.join(process.cwd(), "db/postgres/migrations/meta/_journal.json"), "utf8")) as { entries: { tag: string }[] };
  return release(journal.entries.findIndex((e) => e.tag.endsWith(suffix)));
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

describe("migrating to kept figures", () => {
  it("counts the figures of every signature there was, then keeps them as signatures change", async () => {
    const url = createTestDatabase("kept_figures");
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const earlier = releaseBefore("_campaign_figures");
      await migrate(drizzle(client), { migrationsFolder: earlier });
      rmSync(earlier, { recursive: true, force: true });
      await client.query(`
        insert into petitions (id, slug, title, ask, goal, story_headline, story_markdown, created_at, updated_at) values (1, 'kept', 'Kept', 'Ask', 10, 'H', 'S', now(), now());
        insert into signatures (petition_id, status, full_name, email, email_key, email_domain, country, fill_ms, referrer_id, import_id, signed_at, confirmed_at) values
          (1, 'confirmed', 'A', 'a@example.org', 'a', 'example.org', 'SY', 2500, null, null, to_timestamp(7200.005), to_timestamp(7200.009)),
          (1, 'confirmed', 'B', 'b@example.org', 'b', 'example.org', 'SY', null, 1, 4, to_timestamp(7200.06), null),
          (1, 'pending', 'C', 'c@example.org', 'c', 'example.org', 'LB', 400000, 1, null, to_timestamp(90000), null);
      `);
      await migrate(drizzle(client), { migrationsFolder: path.join(process.cwd(), "db/postgres/migrations") });
      const figures = () =>
        queryRows(url, `select kind, bucket, status, sum(count)::int as count from (select * from campaign_figures union all
          select d.petition_id, f.kind, f.bucket, d.status, d.count from figure_deltas d cross join lateral
          figure_delta_kinds(d.hour, d.country, d.fill, d.referrer_id, d.verified_by) f) f
          group by 1, 2, 3 having sum(count) <> 0 order by 1, 2, 3`);
      expect(queryRows(url, "select count(*)::int as n from figure_deltas")).toEqual([{ n: 0 }]);
      expect(figures()).toEqual([
        { kind: "all", bucket: "", status: "confirmed", count: 2 },
        { kind: "all", bucket: "", status: "pending", count: 1 },
        { kind: "country", bucket: "LB", status: "pending", count: 1 },
        { kind: "country", bucket: "SY", status: "confirmed", count: 2 },
        { kind: "day", bucket: "0", status: "confirmed", count: 2 },
        { kind: "day", bucket: "86400000", status: "pending", count: 1 },
        { kind: "fill", bucket: "", status: "confirmed", count: 1 },
        { kind: "fill", bucket: "2000", status: "confirmed", count: 1 },
        { kind: "fill", bucket: "300000", status: "pending", count: 1 },
        { kind: "hour", bucket: "7200000", status: "confirmed", count: 2 },
        { kind: "hour", bucket: "90000000", status: "pending", count: 1 },
        { kind: "referrer", bucket: "1", status: "confirmed", count: 1 },
        { kind: "referrer", bucket: "1", status: "pending", count: 1 },
        { kind: "verified-by", bucket: "email", status: "confirmed", count: 1 },
        { kind: "verified-by", bucket: "import", status: "confirmed", count: 1 },
        { kind: "verified-by", bucket: "open", status: "pending", count: 1 },
      ]);
      // An update that moves no figure writes no delta; one that does moves all of that signature's; a campaign's deletion
      // takes its figures with it.
      await client.query("update signatures set full_name = 'Bee' where email = 'b@example.org'");
      expect(queryRows(url, "select count(*)::int as n from figure_deltas")).toEqual([{ n: 0 }]);
      await client.query("update signatures set status = 'invalidated' where email = 'b@example.org'; delete from signatures where email = 'c@example.org'");
      expect(figures()).toEqual([
        { kind: "all", bucket: "", status: "confirmed", count: 1 },
        { kind: "all", bucket: "", status: "invalidated", count: 1 },
        { kind: "country", bucket: "SY", status: "confirmed", count: 1 },
        { kind: "country", bucket: "SY", status: "invalidated", count: 1 },
        { kind: "day", bucket: "0", status: "confirmed", count: 1 },
        { kind: "day", bucket: "0", status: "invalidated", count: 1 },
        { kind: "fill", bucket: "", status: "invalidated", count: 1 },
        { kind: "fill", bucket: "2000", status: "confirmed", count: 1 },
        { kind: "hour", bucket: "7200000", status: "confirmed", count: 1 },
        { kind: "hour", bucket: "7200000", status: "invalidated", count: 1 },
        { kind: "referrer", bucket: "1", status: "invalidated", count: 1 },
        { kind: "verified-by", bucket: "email", status: "confirmed", count: 1 },
        { kind: "verified-by", bucket: "import", status: "invalidated", count: 1 },
      ]);
      await client.query("delete from petitions where id = 1");
      expect(queryRows(url, "select (select count(*) from campaign_figures)::int + (select count(*) from figure_deltas)::int as n")).toEqual([{ n: 0 }]);
    } finally {
      await client.end();
      dropTestDatabase(url);
    }
  });
});
