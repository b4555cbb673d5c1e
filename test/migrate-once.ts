// Migrates the database DATABASE_URL names, in a process of its own, and prints "migrated";
// run six at once by db/postgres/migrate.integration.test.ts.
import { closeDatabase, migrateDatabase } from "@/db/store";

migrateDatabase()
  .then(async () => {
    await closeDatabase();
    process.stdout.write("migrated");
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
