import { openDatabase } from "@/db/open";
import { closeStores, openStores, stores } from "@/lib/stores";
import { ConfigError } from "@/lib/config";

// Differences shown a campaign; the rest are counted.
const shownDifferences = 10;

async function main() {
  const repair = process.argv.includes("--repair");
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
  // The organisers' figures (per hour, day, country, status, referrer, time to fill, way of verifying) beside a full count.
  for (const { slug, differences, repaired } of await stores().charts.recountFigures(repair)) {
    differs ||= differences.length > 0;
    if (differences.length === 0) {
      console.log(`same  ${slug}: the charts' figures`);
      continue;
    }
    console.log(`DIFFERS  ${slug}: ${differences.length.toLocaleString("en")} of the charts' figures${repaired ? ", now written anew from the count" : " (npm run db:recount -- --repair writes them anew)"}`);
    for (const { kind, bucket, status, kept, counted } of differences.slice(0, shownDifferences)) {
      console.log(`    ${kind} ${bucket === "" ? "(none)" : bucket}, ${status}: kept ${kept.toLocaleString("en")}, counted ${counted.toLocaleString("en")}`);
    }
    if (differences.length > shownDifferences) console.log(`    and ${(differences.length - shownDifferences).toLocaleString("en")} more`);
  }
  await closeStores();
  process.exit(differs ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
