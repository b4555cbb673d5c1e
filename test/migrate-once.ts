// Migrates the database DATABASE_URL names, in a process of its own, and prints "migrated";
// run six at once by db/postgres/migrate.integration.test.ts.
import { openDatabase } from "@/db/open";
import { closeStores, openStores } from "@/lib/stores";

openStores(openDatabase)
  .then((stores) => stores.database.migrateDatabase())
  .then(async () => {
    await closeStores();
    process.stdout.write("migrated");
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
