// The delivery report's cost at scale, on its own: `node --import tsx bench/delivery-report.ts
// <names>` with DATABASE_URL set to a throwaway database. Seeds that many confirmed signers, then
// draws the report without and with names, as fast as a reader takes it, and prints JSON: time,
// size, the process's peak memory, and the longest the event loop waited meanwhile.
import { openDatabase } from "@/db/open";
import { openStores, stores } from "@/lib/stores";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { deliveryReport } from "@/lib/delivery-report/delivery-report";
import { seedCampaigns } from "@/lib/seed";
import { syntheticSigner } from "@/lib/synthetic-signers";

export type ReportFigures = { ms: number; bytes: number; peakRssMb: number; longestStallMs: number };

async function measure(includeNames: boolean): Promise<ReportFigures> {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const started = performance.now();
  const found = await deliveryReport("white-helmets", { actor: "bench@example.org", includeNames });
  let bytes = 0;
  for await (const chunk of found!.chunks) bytes += chunk.byteLength;
  const ms = performance.now() - started;
  loop.disable();
  return { ms, bytes, peakRssMb: process.resourceUsage().maxRSS / 1024, longestStallMs: loop.max / 1e6 };
}

async function main(names: number) {
  await openStores(openDatabase);
  await stores().database.migrateDatabase();
  await seedCampaigns();
  const campaign = await stores().campaigns.readCampaignStanding("white-helmets");
  // Real names are mostly different words: a third word unique to each signer keeps pdfkit from
  // drawing a few dozen words from its cache over and over.
  const unique = (i: number) => ({ ...syntheticSigner(i), fullName: `${syntheticSigner(i).fullName} ${i.toString(36).replace(/\d/g, (d) => "kmnprstvwx"[Number(d)]!)}` });
  await stores().signatures.insertSeedSignatures(campaign!.id, names, unique, campaign!.signatureCount);
  const without = await measure(false);
  const withNames = await measure(true);
  console.log(JSON.stringify({ names, without, withNames }));
}

main(Number(process.argv[2] ?? 100_000)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
