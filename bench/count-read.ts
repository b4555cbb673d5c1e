
const warmUp = 1_000;
const timed = 20_000;

async function main() {
  await openStores(openDatabase);
  const slug = process.argv[2]!;
  const micros: number[] = [];
  for (let i = 0; i < warmUp + timed; i++) {
    const started = performance.now();
    if (!(await stores().campaigns.readCampaignStanding(slug))) throw new Error(`no petition "${slug}" in ${process.env.DATABASE_URL}`);
    if (i >= warmUp) micros.push((performance.now() - started) * 1000);
  }
  micros.sort((a, b) => a - b);
  const at = (p: number) => micros[Math.floor((micros.length * p) / 100)]!;
  process.stdout.write(JSON.stringify({ p50: at(50), p99: at(99) }));
}

void main();import { openDatabase } from "@/db/open";
import { openStores, stores } from "@/lib/stores";

