import Database from "better-sqlite3";
import { migrateDatabase } from "@/db/store";
import { databasePath } from "@/lib/config";
import { seedCampaigns } from "@/lib/seed";

/** Migrates the test file's fresh database and loads the campaigns from content/. */
export async function prepareDatabase(): Promise<void> {
  migrateDatabase();
  await seedCampaigns();
}

/** A separate connection to look at what is really stored, as an auditor would. */
export function inspectDatabase() {
  return new Database(databasePath(process.env.DATABASE_URL ?? ""), { readonly: true });
}

/** Rows as they are really stored, read on a connection of their own. */
export function storedRows<Row>(sql: string, ...params: unknown[]): Row[] {
  const db = inspectDatabase();
  try {
    return db.prepare(sql).all(...params) as Row[];
  } finally {
    db.close();
  }
}

/** An export's whole CSV as text, as a spreadsheet would open it. */
export async function csvText(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts).toString("utf8");
}
