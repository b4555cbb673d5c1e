import { readFileSync } from "node:fs";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { Client } from "pg";
import { config } from "@/lib/config";
import { database } from "./client";

const migrationsFolder = path.join(process.cwd(), "db/postgres/migrations");
// Any number this app alone uses: every process migrating takes this one lock first.
const migrationLock = 727_511_001;

/**
 * Applies the committed migrations under an advisory lock, so processes starting together on an
 * empty database take turns: drizzle's migrate takes no lock of its own, and two running at once
 * would both try to create the same tables. The lock ends with its session, should this fail.
 */
export async function migrateDatabase(): Promise<void> {
  const client = new Client({ connectionString: config().DATABASE_URL });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [migrationLock]);
    await migrate(drizzle(client), { migrationsFolder });
  } finally {
    await client.end();
  }
}

/** Whether the database answers and holds every committed migration. */
export async function databaseReady(): Promise<boolean> {
  try {
    const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta/_journal.json"), "utf8")) as { entries: unknown[] };
    const { rows } = await database().pool.query<{ n: number }>("select count(*)::int as n from drizzle.__drizzle_migrations");
    return (rows[0]?.n ?? 0) >= journal.entries.length;
  } catch {
    return false;
  }
}
