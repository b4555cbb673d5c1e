// npm run db:recount: counts every campaign's signatures from its rows and compares them with the
// counts the app keeps (and reads without scanning). Exits 1 if any differs.
import { closeDatabase, migrateDatabase, recountCampaigns } from "@/db/store";
import { ConfigError } from "@/lib/config";

async function main() {
  await migrateDatabase();
  const rows = await recountCampaigns();
  let differs = false;
  for (const row of rows) {
    const same = row.kept === row.counted && row.keptPending === row.countedPending;
    differs ||= !same;
    console.log(
      `${same ? "same" : "DIFFERS"}  ${row.slug}: kept ${row.kept.toLocaleString("en")} confirmed, ${row.keptPending.toLocaleString("en")} pending; ` +
        `counted ${row.counted.toLocaleString("en")} confirmed, ${row.countedPending.toLocaleString("en")} pending`,
    );
  }
  await closeDatabase();
  process.exit(differs ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
