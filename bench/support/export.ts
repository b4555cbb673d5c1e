import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { sessionCookieName } from "@/lib/auth/sessions";
import { residentMb, sampleWhile } from "./processes";

export type ExportFigures = {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  firstByteMs: number;
  memoryGrowthMb: number;
  peakWalMb: number;
};

/** Line ends in a chunk, counted natively: a byte-by-byte loop took CPU the server was measured on. */
function newlines(bytes: Uint8Array): number {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let count = 0;
  for (let at = buffer.indexOf(10); at !== -1; at = buffer.indexOf(10, at + 1)) count++;
  return count;
}

/** An organiser's session on the bench database, made by a separate process that owns its config. */
export function sessionToken(database: string): string {
  return execFileSync(process.execPath, ["--import", "tsx", "bench/make-session.ts"], {
    env: { ...process.env, DATABASE_URL: `file:${database}`, ADMIN_EMAIL: "", ADMIN_PASSWORD: "" },
  }).toString();
}

/** Downloads the CSV as a browser would, reading it as fast as the server sends, and counts its rows. */
export async function measureExport(appUrl: string, slug: string, token: string, serverPid: number, database: string): Promise<ExportFigures> {
  const before = residentMb(serverPid);
  const sampler = sampleWhile(serverPid, `${database}-wal`);
  const started = performance.now();
  const response = await fetch(`${appUrl}/admin/petitions/${slug}/signatures.csv`, {
    headers: { cookie: `${sessionCookieName}=${token}` },
  });
  if (response.status !== 200 || !response.body) throw new Error(`export answered ${response.status}`);
  let firstByteMs = 0;
  let lines = 0;
  const reader = response.body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    if (!firstByteMs) firstByteMs = performance.now() - started;
    lines += newlines(chunk.value);
  }
  const seconds = (performance.now() - started) / 1000;
  const { peakMb, peakFileBytes } = sampler.stop();
  // Quoted comments may hold line breaks; the synthetic ones do not, so lines less the header are rows.
  const rows = lines - 1;
  return {
    rows,
    seconds,
    rowsPerSecond: rows / seconds,
    firstByteMs,
    memoryGrowthMb: peakMb - before,
    peakWalMb: peakFileBytes / 1024 / 1024,
  };
}

// Reads a download to the end and throws it away, in a process of its own.
const discardingDownload = `
const [url, cookie] = process.argv.slice(1);
fetch(url, { headers: { cookie } }).then(async (response) => {
  if (response.status !== 200 || !response.body) throw new Error("export answered " + response.status);
  for await (const _ of response.body);
});`;

/**
 * An export downloaded by a separate process, for measuring signing while exports run: read in this
 * process, a million rows would hold up the load generator's own event loop and be counted as the
 * server's latency. Answers the WAL's largest size during the download.
 */
export async function exportInChildProcess(appUrl: string, slug: string, token: string, serverPid: number, database: string): Promise<{ peakWalMb: number }> {
  const sampler = sampleWhile(serverPid, `${database}-wal`);
  const child = spawn(
    process.execPath,
    ["-e", discardingDownload, `${appUrl}/admin/petitions/${slug}/signatures.csv`, `${sessionCookieName}=${token}`],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  const [code] = (await once(child, "exit")) as [number | null];
  const { peakFileBytes } = sampler.stop();
  if (code !== 0) throw new Error(`an export downloaded by a separate process failed (exit ${code})`);
  return { peakWalMb: peakFileBytes / 1024 / 1024 };
}

/** The same rows exported as CSV by SQLite's own command-line shell, counted the same way. */
export async function measureSqliteShell(database: string): Promise<{ rows: number; seconds: number; rowsPerSecond: number }> {
  const query =
    "select signed_at, full_name, email, country, comment, show_name, wants_updates, status from signatures where status = 'confirmed' order by id";
  const started = performance.now();
  const shell = spawn("sqlite3", ["-readonly", "-csv", "-header", database, query], { stdio: ["ignore", "pipe", "inherit"] });
  let lines = 0;
  for await (const chunk of shell.stdout) {
    lines += newlines(chunk as Buffer);
  }
  const seconds = (performance.now() - started) / 1000;
  return { rows: lines - 1, seconds, rowsPerSecond: (lines - 1) / seconds };
}
