import { openDatabase } from "@/db/open";
import { closeStores, openStores, stores } from "@/lib/stores";
import { ConfigError } from "@/lib/config";

async function main() {
  await openStores(openDatabase);
  await stores().database.migrateDatabase();
  const rows = await stores().campaigns.recountCampaigns();
  let differs = false;
  for (const row of rows) {
    const same = row.kept === row.counted && row.keptPending === row.countedPending && row.logged === row.counted;
    differs ||= !same;
    console.log(
      `${same ? "same" : "DIFFERS"}  ${row.slug}: kept ${row.kept.toLocaleString("en")} confirmed, ${row.keptPending.toLocaleString("en")} pending; ` +
        `counted ${row.counted.toLocaleString("en")} confirmed, ${row.countedPending.toLocaleString("en")} pending; ` +
        `the count log holds ${row.logged.toLocaleString("en")}`,
    );
  }
  await closeStores();
  process.exit(differs ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
