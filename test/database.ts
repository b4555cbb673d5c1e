import { constants, copyFileSync } from "node:fs";
import { expect, inject } from "vitest";
import { openDatabase } from "@/db/open";
import { openStores } from "@/lib/stores";
import { usesDatabase } from "./database-tests";
import { copyTestDatabase, testDialect } from "./postgres";
import { executeSql, queryRows } from "./rows";

const url = () => process.env.DATABASE_URL!;
const sqliteFile = (fileUrl: string) => fileUrl.slice("file:".length);

/**
 * Makes the test file's fresh database a copy of the run's template, which global setup migrated
 * and loaded with the campaigns from content/ (test/template-database.ts), and opens it.
 */
export async function prepareDatabase(): Promise<void> {
  // A file named as pure logic runs on SQLite only (vitest.config.mts), so its database tests would never meet PostgreSQL.
  const file = expect.getState().testPath ?? "";
  if (!usesDatabase(file)) throw new Error(`${file} uses a database: name it *.integration.test.ts, so that it runs on PostgreSQL too`);
  const template = inject("templateDatabase");
  if (testDialect() === "postgres") copyTestDatabase(template, url());
  // Never over a database already opened: a file that opened it first would see it change under it.
  else copyFileSync(sqliteFile(template), sqliteFile(url()), constants.COPYFILE_EXCL);
  await openStores(openDatabase);
}

/** Rows as they are really stored, read on a connection of their own, in either dialect (test/rows.ts). */
export function storedRows<Row>(sql: string, ...params: unknown[]): Row[] {
  return queryRows<Row>(url(), sql, ...params);
}

/** The first row of `sql`, or undefined. */
export function storedRow<Row>(sql: string, ...params: unknown[]): Row | undefined {
  return storedRows<Row>(sql, ...params)[0];
}

/** Writes straight to the test database, for rows the app makes elsewhere. */
export function writeRows(sql: string, ...params: unknown[]): void {
  executeSql(url(), sql, ...params);
}

/** An export's whole CSV as text, as a spreadsheet would open it. */
export async function csvText(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts).toString("utf8");
}
