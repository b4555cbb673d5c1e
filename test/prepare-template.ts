// Migrates the database DATABASE_URL names and loads the campaigns from content/, as the app does
// at start, then closes it; run once per dialect by test/template-database.ts.
import { openDatabase } from "@/db/open";
import { seedCampaigns } from "@/lib/seed";
import { closeStores, openStores } from "@/lib/stores";

async function main() {
  const stores = await openStores(openDatabase);
  await stores.database.migrateDatabase();
  await seedCampaigns();
  // Closing folds SQLite's write-ahead log into the file, so the file alone is the whole database.
  await closeStores();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
