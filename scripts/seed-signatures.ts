import { openDatabase } from "@/db/open";
import { logSequencer } from "@/lib/count-log/sequencer";
import { closeStores, openStores, stores } from "@/lib/stores";
import { ConfigError } from "@/lib/config";
import { seedCampaigns } from "@/lib/seed";
import { syntheticSigner } from "@/lib/synthetic-signers";

const usage = "Usage: npm run seed:signatures -- <count> [slug]\nAdds <count> made-up confirmed signatures, for benchmarks. Never on a real campaign's database.";

async function main([countArg, slug = "white-helmets"]: string[]) {
  const count = Number(countArg);
  if (!Number.isInteger(count) || count <= 0) {
    console.error(usage);
    process.exit(2);
  }
  await openStores(openDatabase);
  await stores().database.migrateDatabase();
  await seedCampaigns();
  const campaign = await stores().campaigns.readCampaignStanding(slug);
  if (!campaign) throw new Error(`no campaign "${slug}" to seed`);
  const started = Date.now();
  // Continue after the rows already there, so emails stay unique across runs.
  await stores().signatures.insertSeedSignatures(campaign.id, count, syntheticSigner, campaign.signatureCount);
  const seconds = (Date.now() - started) / 1000;
  console.log(`Added ${count.toLocaleString("en")} signatures to ${slug} in ${seconds.toFixed(1)} s (${Math.round(count / seconds).toLocaleString("en")} a second).`);
  // Placed in the count log now, as a running app would within seconds, so an app started on this database begins caught up.
  const sequencing = Date.now();
  const placed = await logSequencer().catchUp();
  console.log(`Placed ${placed.toLocaleString("en")} entries in the count log in ${((Date.now() - sequencing) / 1000).toFixed(1)} s.`);
  await closeStores();
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
