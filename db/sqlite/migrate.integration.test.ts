import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterAll, describe, expect, it } from "vitest";
import { storedRows } from "@/test/database";
import { databasePath, openConnection } from "./connection";
import { migrateDatabase } from "./migrate";

const committed = path.join(process.cwd(), "db/sqlite/migrations");
const firstOnly = mkdtempSync(path.join(tmpdir(), "countersign-migrations-"));
afterAll(() => rmSync(firstOnly, { recursive: true, force: true }));

/** The migrations as an earlier release had them: the first `count` alone. */
function release(count: number): string {
  const folder = mkdtempSync(path.join(firstOnly, "release-"));
  mkdirSync(path.join(folder, "meta"), { recursive: true });
  const journal = JSON.parse(readFileSync(path.join(committed, "meta/_journal.json"), "utf8")) as { entries: { tag: string }[] };
  const entries = journal.entries.slice(0, count);
  for (const { tag } of entries) cpSync(path.join(committed, `${tag}.sql`), path.join(folder, `${tag}.sql`));
  writeFileSync(path.join(folder, "meta/_journal.json"), JSON.stringify({ ...journal, entries }));
  return folder;
}
const firstRelease = () => release(1);

/** The migrations as the release before the one whose tag ends with `suffix` had them. */
function releaseBefore(suffix: string): string {
  const journal = JSON.parse(readFileSync(path.join(committed, "meta/_journal.json"), "utf8")) as { entries: { tag: string }[] };
  return release(journal.entries.findIndex((e) => e.tag.endsWith(suffix)));
}

describe("migrating a database made by an earlier release", () => {
  it("keeps every signature with its confirmation and mail when a table is rebuilt", () => {
    const connection = openConnection(databasePath(process.env.DATABASE_URL!));
    const orm = drizzle(connection);
    migrate(orm, { migrationsFolder: firstRelease() });
    connection.exec(`
      insert into petitions (id, slug, title, ask, goal, story_headline, story_markdown, signature_count, pending_count, created_at, updated_at)
        values (1, 'old', 'Old', 'Ask', 100, 'Headline', 'Story', 1, 1, 0, 0);
      insert into signatures (id, petition_id, status, full_name, email, email_key, email_domain, country, signed_at)
        values (1, 1, 'confirmed', 'Counted Signer', 'a@example.org', 'a@example.org', 'example.org', 'SY', 0),
               (2, 1, 'pending', 'Waiting Signer', 'b@example.org', 'b@example.org', 'example.org', 'SY', 0);
      insert into confirmations (signature_id, token_hash, code_hash, last_sent_at, expires_at) values (2, 't', 'c', 0, 0);
      insert into outbox (signature_id, kind, to_address, subject, body, next_attempt_at, created_at)
        values (2, 'confirmation', 'b@example.org', 'Confirm', 'Body', 0, 0);
    `);

    migrateDatabase(connection, orm);

    // With foreign keys on, rebuilding signatures would have deleted these through ON DELETE CASCADE.
    expect(storedRows("select id, status, fill_ms from signatures order by id")).toEqual([
      { id: 1, status: "confirmed", fill_ms: null },
      { id: 2, status: "pending", fill_ms: null },
    ]);
    expect(storedRows("select signature_id from confirmations")).toEqual([{ signature_id: 2 }]);
    expect(storedRows("select signature_id from outbox")).toEqual([{ signature_id: 2 }]);
    expect(storedRows("select signature_count, pending_count, pending_published, locale from petitions")).toEqual([
      { signature_count: 1, pending_count: 1, pending_published: 0, locale: "en" },
    ]);
    // Signed before there were languages or referrals: English, and brought by no one.
    expect(storedRows("select locale, referrer_id from signatures order by id")).toEqual([
      { locale: "en", referrer_id: null },
      { locale: "en", referrer_id: null },
    ]);
    expect(connection.pragma("foreign_keys", { simple: true })).toBe(1);
  });
});

describe("migrating to languages and referrals (0003)", () => {
  it("adds the columns in place: signatures and petitions are altered, never copied into new tables", () => {
    const file = path.join(firstOnly, "before-languages.db");
    const connection = new Database(file);
    try {
      const orm = drizzle(connection);
      migrate(orm, { migrationsFolder: release(3) });
      // Where each table's rows start: a table rebuilt under the same name starts somewhere else.
      const rootPages = () => connection.prepare("select name, rootpage from sqlite_master where name in ('petitions', 'signatures') order by name").all();
      const before = rootPages();
      migrate(orm, { migrationsFolder: committed });
      expect(rootPages()).toEqual(before);
      const columns = (table: string) => connection.prepare("select name from pragma_table_info(?)").pluck().all(table);
      expect(columns("signatures")).toEqual(expect.arrayContaining(["locale", "referrer_id"]));
      expect(columns("petitions")).toContain("locale");
      expect(() => connection.exec("insert into petitions (slug, title, ask, goal, story_headline, story_markdown, locale, created_at, updated_at) values ('x', 'X', 'A', 1, 'H', 'S', 'not-a-locale', 0, 0)")).toThrow(/CHECK constraint failed/);
    } finally {
      connection.close();
    }
  });
});

describe("migrating to organiser roles (0004)", () => {
  it("makes every organiser there was an owner, in place: no one's session is lost", () => {
    const file = path.join(firstOnly, "before-roles.db");
    const connection = new Database(file);
    try {
      const orm = drizzle(connection);
      migrate(orm, { migrationsFolder: release(4) });
      connection.exec(`
        insert into admins (id, email, password_hash, created_at) values (1, 'first@example.org', 'h', 0), (2, 'second@example.org', 'h', 0);
        insert into admin_sessions (id, admin_id, created_at, expires_at) values ('s1', 1, 0, 99999999999999);
      `);
      const rootPage = () => connection.prepare("select rootpage from sqlite_master where name = 'admins'").pluck().get();
      const before = rootPage();
      migrate(orm, { migrationsFolder: committed });
      expect(rootPage()).toBe(before);
      expect(connection.prepare("select email, role from admins order by id").all()).toEqual([
        { email: "first@example.org", role: "owner" },
        { email: "second@example.org", role: "owner" },
      ]);
      expect(connection.prepare("select admin_id from admin_sessions").all()).toEqual([{ admin_id: 1 }]);
      // Made later without naming a role: the least one.
      connection.exec("insert into admins (email, password_hash, created_at) values ('later@example.org', 'h', 0)");
      expect(connection.prepare("select role from admins where email = 'later@example.org'").pluck().get()).toBe("viewer");
      expect(() => connection.exec("update admins set role = 'admin' where id = 1")).toThrow(/CHECK constraint failed/);
    } finally {
      connection.close();
    }
  });
});

describe("migrating to sealed mail (0009)", () => {
  it("empties the clear body of every message sent or given up, and leaves the ones still waiting to go", () => {
    const file = path.join(firstOnly, "before-sealed-mail.db");
    const connection = new Database(file);
    try {
      const orm = drizzle(connection);
      migrate(orm, { migrationsFolder: release(9) });
      connection.exec(`
        insert into outbox (kind, to_address, subject, body, next_attempt_at, created_at, failed_at)
          values ('confirmation', 'gave-up@example.org', 'Confirm', 'https://sign.example.org/en/confirm/a-working-token', 0, 0, 1);
        insert into outbox (kind, to_address, subject, body, next_attempt_at, created_at)
          values ('confirmation', 'waiting@example.org', 'Confirm', 'https://sign.example.org/en/confirm/another-token', 0, 0);
      `);
      migrate(orm, { migrationsFolder: committed });
      expect(connection.prepare("select to_address, body from outbox order by id").all()).toEqual([
        { to_address: "gave-up@example.org", body: "" },
        { to_address: "waiting@example.org", body: "https://sign.example.org/en/confirm/another-token" },
      ]);
    } finally {
      connection.close();
    }
  });
});

describe("migrating to commitment keys", () => {
  it("gives every placed entry its commitment's first 13 hex digits as its key, the number a lookup computes", () => {
    const file = path.join(firstOnly, "before-commitment-keys.db");
    const connection = new Database(file);
    try {
      const orm = drizzle(connection);
      migrate(orm, { migrationsFolder: releaseBefore("_commitment_keys") });
      const commitment = "abcdef0123456789".repeat(4);
      // The entries need no campaign row for this.
      connection.pragma("foreign_keys = OFF");
      connection.exec(`
        insert into log_entries (petition_id, kind, position, minute, signature_id, how, country, commitment)
          values (1, 'add', 0, 1, 1, 'open', 'SY', '${commitment}'), (1, 'add', null, 1, 2, 'open', 'SY', null);
      `);
      migrate(orm, { migrationsFolder: committed });
      expect(connection.prepare("select commitment_key from log_entries order by id").all()).toEqual([
        { commitment_key: Number.parseInt(commitment.slice(0, 13), 16) },
        { commitment_key: null },
      ]);
    } finally {
      connection.close();
    }
  });
});

describe("migrating to kept figures", () => {
  it("counts the figures of every signature there was, then keeps them as signatures change", () => {
    const file = path.join(firstOnly, "before-figures.db");
    const connection = new Database(file);
    try {
      const orm = drizzle(connection);
      migrate(orm, { migrationsFolder: releaseBefore("_campaign_figures") });
      connection.exec(`
        insert into petitions (id, slug, title, ask, goal, story_headline, story_markdown, created_at, updated_at) values (1, 'kept', 'Kept', 'Ask', 10, 'H', 'S', 0, 0);
        insert into signatures (petition_id, status, full_name, email, email_key, email_domain, country, fill_ms, referrer_id, import_id, signed_at, confirmed_at) values
          (1, 'confirmed', 'A', 'a@example.org', 'a', 'example.org', 'SY', 2500, null, null, 7200000 + 5, 7200000 + 9),
          (1, 'confirmed', 'B', 'b@example.org', 'b', 'example.org', 'SY', null, 1, 4, 7200000 + 60, null),
          (1, 'pending', 'C', 'c@example.org', 'c', 'example.org', 'LB', 400000, 1, null, 90000000, null);
      `);
      migrate(orm, { migrationsFolder: committed });
      const figures = () => connection.prepare("select kind, bucket, status, count from campaign_figures where count <> 0 order by 1, 2, 3").all();
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
      // From here the triggers keep them: an invalidation moves one signature's every figure, a deletion takes them.
      connection.exec("update signatures set status = 'invalidated' where email = 'b@example.org'; delete from signatures where email = 'c@example.org'");
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
      // A campaign's deletion takes its figures with it, its signatures moving none on the way.
      connection.pragma("foreign_keys = ON");
      connection.exec("delete from petitions where id = 1");
      expect(connection.prepare("select count(*) as n from campaign_figures").get()).toEqual({ n: 0 });
    } finally {
      connection.close();
    }
  });
});
