import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterAll, describe, expect, it } from "vitest";
import { storedRows } from "@/test/database";
import { database } from "./client";
import { migrateDatabase } from "./migrate";

const committed = path.join(process.cwd(), "db/sqlite/migrations");
const firstOnly = mkdtempSync(path.join(tmpdir(), "countersign-migrations-"));
afterAll(() => rmSync(firstOnly, { recursive: true, force: true }));

/** The migrations as the first release had them: 0000 alone. */
function firstRelease(): string {
  mkdirSync(path.join(firstOnly, "meta"), { recursive: true });
  cpSync(path.join(committed, "0000_init.sql"), path.join(firstOnly, "0000_init.sql"));
  const journal = JSON.parse(readFileSync(path.join(committed, "meta/_journal.json"), "utf8")) as { entries: unknown[] };
  writeFileSync(path.join(firstOnly, "meta/_journal.json"), JSON.stringify({ ...journal, entries: journal.entries.slice(0, 1) }));
  return firstOnly;
}

describe("migrating a database made by an earlier release", () => {
  it("keeps every signature with its confirmation and mail when a table is rebuilt", () => {
    const { connection, orm } = database();
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

    migrateDatabase();

    // With foreign keys on, rebuilding signatures would have deleted these through ON DELETE CASCADE.
    expect(storedRows("select id, status, fill_ms from signatures order by id")).toEqual([
      { id: 1, status: "confirmed", fill_ms: null },
      { id: 2, status: "pending", fill_ms: null },
    ]);
    expect(storedRows("select signature_id from confirmations")).toEqual([{ signature_id: 2 }]);
    expect(storedRows("select signature_id from outbox")).toEqual([{ signature_id: 2 }]);
    expect(storedRows("select signature_count, pending_count, pending_published from petitions")).toEqual([
      { signature_count: 1, pending_count: 1, pending_published: 0 },
    ]);
    expect(connection.pragma("foreign_keys", { simple: true })).toBe(1);
  });
});
