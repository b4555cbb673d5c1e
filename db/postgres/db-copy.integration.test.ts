import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copySqliteToPostgres, type CopyOutcome } from "@/db/copy/sqlite-to-postgres";
import { openDatabase } from "@/db/open";
import { closeStores, openStores, stores } from "@/lib/stores";
import { signCampaign } from "@/lib/signatures";
import { createTestDatabase, dropTestDatabase } from "@/test/postgres";
import { executeSql, queryRows, type Row } from "@/test/rows";
import { sqliteCampaign, writeSqliteCampaign } from "@/test/sqlite-campaign";

// A SQLite campaign copied into this file's fresh PostgreSQL database (DATABASE_URL, left empty by
// the test setup), which the PostgreSQL store then goes on serving.
const dir = mkdtempSync(path.join(tmpdir(), "countersign-copy-"));
const file = path.join(dir, "campaign.db");
const sqliteUrl = `file:${file}`;
const target = process.env.DATABASE_URL!;
const otherDatabases: string[] = [];
afterAll(async () => {
  await closeStores();
  otherDatabases.forEach(dropTestDatabase);
  rmSync(dir, { recursive: true, force: true });
});

const tables = ["petitions", "petition_translations", "admins", "admin_invitations", "signature_imports", "signatures", "reasons", "reason_marks", "reasons_gone", "confirmations", "outbox", "updates", "update_unsubscribes", "blocked_emails", "audit_events", "admin_sessions", "job_runs", "page_payloads", "rate_limits", "log_entries", "campaign_logs", "log_tiles"];

/** Every row of a table, in SQLite's shapes, in one order on both sides. */
function rowsOf(url: string, table: string): Row[] {
  const rows = queryRows(url, `select * from ${table}`).map(({ signer_numbers_issued: _kept, ...row }) => row);
  const key = (row: Row) => String(Object.values(row)[0]);
  return rows.sort((a, b) => key(a).localeCompare(key(b)));
}

const rowCounts = (url: string) => tables.map((table) => queryRows<{ n: number }>(url, `select count(*) as n from ${table}`)[0]!.n);
const publicTables = (url: string) =>
  queryRows<{ name: string }>(url, "select table_name as name from information_schema.tables where table_schema = 'public' order by 1").map((r) => r.name);

function newDatabase(label: string): string {
  const url = createTestDatabase(label);
  otherDatabases.push(url);
  return url;
}

let outcome: CopyOutcome;
const copied: string[] = [];

beforeAll(async () => {
  writeSqliteCampaign(file);
  outcome = await copySqliteToPostgres(file, target, ({ table }) => copied.push(table));
}, 60_000);

describe("db:copy from SQLite to PostgreSQL", () => {
  it("copies every row of every table exactly, parents first, and finds the counts equal", () => {
    expect(outcome.kind).toBe("copied");
    if (outcome.kind !== "copied") return;
    expect(copied).toEqual(tables);
    expect(publicTables(target)).toEqual([...tables, "count_deltas", "campaign_figures", "figure_deltas"].sort());
    for (const table of tables) expect(rowsOf(target, table), table).toEqual(rowsOf(sqliteUrl, table));
    expect(rowCounts(target)).toEqual(rowCounts(sqliteUrl));
    expect(queryRows(target, "select comment from signatures where id = 1")).toEqual([{ comment: sqliteCampaign.awkwardComment }]);

    expect(outcome.comparison.differences).toEqual([]);
    expect(outcome.comparison.tables).toContainEqual({ table: "signatures", sqlite: sqliteCampaign.manySigners + 6, postgres: sqliteCampaign.manySigners + 6 });
    const counts = { slug: "white-helmets", kept: 3, counted: 3, keptPending: 1, countedPending: 1, signerNumbersIssued: sqliteCampaign.signerNumbersIssued };
    expect(outcome.comparison.campaigns).toContainEqual({ slug: "white-helmets", sqlite: counts, postgres: counts });
  });

  it("goes on where SQLite left off: the next signer gets the next number and an id no erased signature had", async () => {
    await openStores(openDatabase);
    const signed = await signCampaign("white-helmets", { fullName: "نور", email: "nour@example.org", country: "LB" });
    expect(signed).toMatchObject({ kind: "signed", signerNumber: sqliteCampaign.signaturesElsewhere + sqliteCampaign.signerNumbersIssued + 1 });
    expect(queryRows(target, "select id from signatures where email = 'nour@example.org'")).toEqual([{ id: sqliteCampaign.highestSignatureId + 1 }]);
    // The figures are the target's own, counted by its triggers from the signatures as they came.
    expect((await stores().charts.recountFigures(false)).flatMap((recount) => recount.differences)).toEqual([]);
    expect(await signCampaign("second", { fullName: "Next", email: "next@example.com", country: "FR" })).toMatchObject({
      signerNumber: sqliteCampaign.manySigners + 1,
    });

    const next = (table: string) => queryRows<{ n: number }>(target, `select nextval(pg_get_serial_sequence('${table}', 'id'))::int as n`)[0]!.n;
    expect(["petitions", "admins", "admin_invitations", "signature_imports", "outbox", "updates", "blocked_emails", "audit_events"].map(next)).toEqual([4, 3, 3, 3, 5, 3, 2, 3]);
  });

  it("refuses a database that already holds data, naming the table, and changes nothing", async () => {
    const before = rowCounts(target);
    const again = await copySqliteToPostgres(file, target);
    expect(again).toEqual({ kind: "refused", reason: expect.stringContaining("its petitions table has rows") });
    expect(rowCounts(target)).toEqual(before);

    // A row in any of the app's tables is enough, and the refusal comes before the migrations run.
    const held = newDatabase("copy_held");
    executeSql(held, "create table job_runs (name text primary key, last_run_at timestamptz not null)");
    executeSql(held, "insert into job_runs values ('retention', now())");
    expect(await copySqliteToPostgres(file, held)).toEqual({ kind: "refused", reason: expect.stringContaining("its job_runs table has rows") });
    expect(publicTables(held)).toEqual(["job_runs"]);
    expect(queryRows(held, "select count(*) as n from pg_namespace where nspname = 'drizzle'")).toEqual([{ n: 0 }]);
  });

  it("refuses a file that is missing, or is not a Countersign database", async () => {
    const untouched = newDatabase("copy_untouched");
    const missing = path.join(dir, "missing.db");
    expect(await copySqliteToPostgres(missing, untouched)).toEqual({ kind: "refused", reason: `There is no SQLite file at ${missing}. Check the path (the one in DATABASE_URL after file:).` });

    const text = path.join(dir, "notes.txt");
    writeFileSync(text, "not a database at all, but long enough to be read as a header of one ".repeat(3));
    expect(await copySqliteToPostgres(text, untouched)).toEqual({ kind: "refused", reason: `${text} is not an SQLite database, so not a Countersign one.` });

    const other = path.join(dir, "other.db");
    new Database(other).exec("create table notes (body text)").close();
    expect(await copySqliteToPostgres(other, untouched)).toEqual({ kind: "refused", reason: `${other} is not a Countersign database: it has no petitions table.` });
    expect(publicTables(untouched)).toEqual([]);
  });

  it.each([
    ["a time SQLite holds as text", "update signatures set signed_at = 'yesterday' where id = 2", /signatures\.signed_at holds yesterday in the row with id 2/],
    ["a NUL in a name, which PostgreSQL's text cannot hold", "update signatures set full_name = 'Zo' || char(0) || 'ë' where id = 2", /Copying signatures failed: .*0x00 \(COPY signatures, line \d+\)/],
  ])("stops at %s, saying where, and leaves every table empty", async (_, corrupt, message) => {
    const broken = path.join(dir, `broken-${otherDatabases.length}.db`);
    copyFileSync(file, broken);
    executeSql(`file:${broken}`, corrupt);
    const into = newDatabase("copy_broken");
    await expect(copySqliteToPostgres(broken, into)).rejects.toThrow(message);
    expect(rowCounts(into)).toEqual(tables.map(() => 0));
  });

  it("runs as a command: the copy, a table of counts on both sides, and exit code 0", async () => {
    const into = newDatabase("copy_cli");
    const run = (...args: string[]) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(process.execPath, ["--import", "tsx", "scripts/db-copy.ts", ...args], { env: process.env }, (error, stdout, stderr) =>
          resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
        );
      });
    const first = await run(sqliteUrl, into);
    expect(first).toMatchObject({ code: 0, stderr: "" });
    expect(first.stdout).toMatch(/^signatures\s+2,506\s+2,506$/m);
    expect(first.stdout).toMatch(/^white-helmets\s+PostgreSQL\s+3\s+3\s+1\s+1\s+5$/m);
    expect(first.stdout).toContain("Everything matches.");
    expect(first.stdout).toContain(`postgres://postgres:***@`);

    const second = await run(file, into);
    expect(second).toMatchObject({ code: 1, stderr: expect.stringContaining("already holds data") });
    expect(await run(file)).toMatchObject({ code: 2, stderr: expect.stringContaining("Usage: npm run db:copy") });
  }, 60_000);
});
