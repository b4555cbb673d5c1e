import { openDatabase } from "@/db/open";
import { openStores, stores } from "@/lib/stores";
import { seedCampaigns } from "@/lib/seed";
import { executeSql, queryRows } from "./rows";

/** Migrates the test file's fresh database and loads the campaigns from content/. */
export async function prepareDatabase(): Promise<void> {
  await openStores(openDatabase);
  await stores().database.migrateDatabase();
  await seedCampaigns();
}

const url = () => process.env.DATABASE_URL!;

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
