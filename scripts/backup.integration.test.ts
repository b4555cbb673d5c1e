import { execFile, spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databasePath } from "@/db/sqlite/connection";

const databaseFile = () => databasePath(process.env.DATABASE_URL!);
import { signCampaign } from "@/lib/signatures";
import { prepareDatabase } from "@/test/database";

// SQLite's online backup, so this file runs in the SQLite pass only (vitest.config.mts).
const inspectDatabase = () => new Database(databaseFile(), { readonly: true });

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const slug = "white-helmets";
const earlySigners = 1500;
const backupsWhileSigning = 3;

const dir = mkdtempSync(path.join(tmpdir(), "countersign-backup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Row = Record<string, unknown>;

function readRows(db: Database.Database): Map<number, Row> {
  const rows = db.prepare("select * from signatures order by id").all() as Row[];
  return new Map(rows.map((row) => [row.id as number, row]));
}

function liveRows(): Map<number, Row> {
  const db = inspectDatabase();
  try {
    return readRows(db);
  } finally {
    db.close();
  }
}

/** What a naive copy of the database file alone, without its -wal, would hold. */
function rowsInPlainCopy(): number {
  const copyPath = path.join(dir, "plain-copy.db");
  copyFileSync(databaseFile(), copyPath);
  const copy = new Database(copyPath, { readonly: true });
  try {
    return (copy.prepare("select count(*) as n from signatures").get() as { n: number }).n;
  } finally {
    copy.close();
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${copyPath}${suffix}`, { force: true });
  }
}

/** Runs the real command, as an operator would, and reports how it ended instead of throwing. */
function runBackup(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile("npm", ["run", "--silent", "backup", "--", ...args], { cwd: root, env: process.env }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

type Writer = { ready: Promise<void>; stop: () => Promise<number> };

/** A separate process signing through lib/ with new emails until stopped, as live traffic would. */
function startWriter(prefix: string): Writer {
  const child = spawn(process.execPath, ["--import", "tsx", "test/keep-signing.ts", slug, prefix], {
    cwd: root,
    env: process.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += String(chunk)));
  // "close" rather than "exit": it comes after the last of the child's output has been read.
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += String(chunk);
      if (stdout.startsWith("ready\n")) resolve();
    });
    void exited.then((code) => reject(new Error(`the writer exited with ${code} before signing: ${stderr}`)));
  });
  return {
    ready,
    stop: async () => {
      child.kill("SIGTERM");
      const code = await exited;
      if (code !== 0) throw new Error(`the writer exited with ${code}: ${stderr}`);
      const last = stdout.trim().split("\n").at(-1) ?? "";
      return (JSON.parse(last) as { signed: number }).signed;
    },
  };
}

beforeAll(async () => {
  await prepareDatabase();
  for (let i = 0; i < earlySigners; i++) {
    const outcome = await signCampaign(slug, {
      fullName: `Early Signer ${i}`,
      email: `early${i}@example.org`,
      country: "DE",
      comment: `Signed before any backup, number ${i}, so the database spans many pages.`,
    });
    if (outcome.kind !== "signed") throw new Error(`early signature ${i} ended as ${outcome.kind}`);
  }
}, 60_000);

describe("npm run backup", () => {
  it("copies a quiet database exactly, including signatures still only in the write-ahead log", async () => {
    // Between SQLite's automatic checkpoints the newest signatures sit only in the -wal file, where
    // a plain copy of the database file would miss them. Sign until that is so, then back up.
    let missedByPlainCopy = 0;
    for (let i = 0; missedByPlainCopy === 0; i++) {
      if (i === 1000) throw new Error("1000 signatures and the WAL was checkpointed after every one");
      await signCampaign(slug, { fullName: `Quiet Signer ${i}`, email: `quiet${i}@example.org`, country: "SY" });
      missedByPlainCopy = liveRows().size - rowsInPlainCopy();
    }
    const target = path.join(dir, "quiet.db");
    const result = await runBackup(target);
    expect(result.code).toBe(0);

    const copy = new Database(target, { readonly: true });
    try {
      expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
      const rows = readRows(copy);
      const live = liveRows();
      expect(rows.size, "rows in the backup").toBe(live.size);
      expect(rows).toEqual(live);
    } finally {
      copy.close();
    }
    console.log(`quiet backup: a plain file copy would have missed ${missedByPlainCopy} signatures; the backup missed none`);
  });

  it("copies one consistent moment of the database while another process keeps signing", async () => {
    const rowsBeforeWriter = liveRows().size;
    const writer = startWriter("steady");
    await writer.ready;
    const taken: { target: string; before: Map<number, Row>; liveAfter: number; stdout: string }[] = [];
    let signed = 0;
    try {
      for (let round = 0; round < backupsWhileSigning; round++) {
        const before = liveRows();
        // A folder that does not exist yet: the command makes it.
        const target = path.join(dir, `round-${round}`, "nested", "countersign.db");
        const result = await runBackup(target);
        expect(result.stderr.replace(/^npm (warn|notice) .*\n/gm, "")).toBe("");
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(/^Backed up the database to .+: [\d.]+ (KB|MB) \(\d+ pages\) in [\d.]+ s\.\n$/);
        expect(result.stdout).toContain(target);
        const liveAfter = liveRows().size;
        // Proof the writer really was signing while the command ran.
        expect(liveAfter).toBeGreaterThan(before.size);
        taken.push({ target, before, liveAfter, stdout: result.stdout.trim() });
      }
    } finally {
      signed = await writer.stop();
    }

    const live = liveRows();
    // Every signature the writer was told was stored is there: the backups disturbed no one.
    expect(live.size).toBe(rowsBeforeWriter + signed);

    for (const { target, before, liveAfter, stdout } of taken) {
      // Restore: open the copy on its own, as a replacement server would.
      const copy = new Database(target, { readonly: true });
      try {
        expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
        expect(copy.pragma("foreign_key_check")).toEqual([]);

        const counters = copy
          .prepare(
            `select p.slug, p.signature_count as counted,
               (select count(*) from signatures s where s.petition_id = p.id and s.status = 'confirmed') as confirmed,
               (select count(*) from signatures s where s.petition_id = p.id) as stored
             from petitions p`,
          )
          .all() as { slug: string; counted: number; confirmed: number; stored: number }[];
        expect(counters.length).toBeGreaterThan(0);
        for (const c of counters) {
          // With mail off every signature is confirmed at once, so the counter must match every row.
          expect(c.confirmed, `${c.slug}: confirmed rows`).toBe(c.stored);
          expect(c.counted, `${c.slug}: petitions.signature_count`).toBe(c.stored);
        }

        const rows = readRows(copy);
        for (const [id, row] of before) expect(rows.get(id), `row ${id}, stored before the backup began`).toEqual(row);
        for (const [id, row] of rows) expect(live.get(id), `row ${id} of the backup, in the live database`).toEqual(row);
        expect(rows.size).toBeLessThanOrEqual(liveAfter);

        console.log(
          `backup ${path.basename(path.dirname(path.dirname(target)))}: ${before.size} rows before, ${rows.size} in the copy, ` +
            `${liveAfter} live after; ${statSync(target).size} bytes. ${stdout.replace(/^.*: /, "")}`,
        );
      } finally {
        copy.close();
      }
    }
    console.log(`writer signed ${signed} while the ${backupsWhileSigning} backups ran; live rows ${live.size}`);
  }, 90_000);

  it("refuses to overwrite an existing file and leaves it as it was", async () => {
    const target = path.join(dir, "precious.db");
    writeFileSync(target, "yesterday's backup");
    const result = await runBackup(target);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${target} already exists`);
    expect(result.stdout).toBe("");
    expect(readFileSync(target, "utf8")).toBe("yesterday's backup");
  });

  it("explains its usage when no file is given", async () => {
    const result = await runBackup();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Usage: npm run backup -- <file>");
  });
});
