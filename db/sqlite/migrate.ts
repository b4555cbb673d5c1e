import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { database } from "./client";

export function migrateDatabase(): void {
  migrate(database().orm, { migrationsFolder: path.join(process.cwd(), "db/sqlite/migrations") });
}
