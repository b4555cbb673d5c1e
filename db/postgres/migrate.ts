import { readFileSync } from "node:fs";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { Client, type Pool } from "pg";

const migrationsFolder = path.join(process.cwd(), "db/postgres/migrations");
// Any number this app alone uses: every process migrating takes this one lock first.
const migrationLock = 727_511_001;

/** Under an advisory lock, so processes starting together on an empty database take turns: drizzle's migrate takes none, and
 * two at once would both create the same tables. The lock ends with its session, should this fail. */
export async function migrateDatabase(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await applyMigrations(client);
  } finally {
    await client.end();
  }
}

/** On a connection the caller keeps (db:copy goes on to copy on it), the lock given back after so the session may go on. */
export async function applyMigrations(client: Client): Promise<void> {
  await client.query("select pg_advisory_lock($1)", [migrationLock]);
  try {
    await migrate(drizzle(client), { migrationsFolder });
  } finally {
    // A connection that failed cannot unlock, and need not: its lock ended with it.
    await client.query("select pg_advisory_unlock($1)", [migrationLock]).catch(() => undefined);
  }
}

/** Whether the database answers and holds every committed migration. */
export async function databaseReady(pool: Pool): Promise<boolean> {
  try {
    const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta/_journal.json"), "utf8")) as { entries: unknown[] };
    const { rows } = await pool.query<{ n: number }>("select count(*)::int as n from drizzle.__drizzle_migrations");
    return (rows[0]?.n ?? 0) >= journal.entries.length;
  } catch {
    return false;
  }
}
