// A process that keeps signing with new emails until it is sent SIGTERM, as live traffic would while
// a backup runs; used by scripts/backup.integration.test.ts. Prints "ready" after its first
// signature, then on SIGTERM finishes the signature in hand and prints how many it stored.
import { signCampaign } from "@/lib/signatures";
import { openDatabase } from "@/db/open";
import { openStores } from "@/lib/stores";

const [slug = "", prefix = "writer"] = process.argv.slice(2);

let stopping = false;
process.on("SIGTERM", () => {
  stopping = true;
});

async function main() {
  await openStores(openDatabase);
  let signed = 0;
  for (let i = 0; !stopping; i++) {
    const outcome = await signCampaign(slug, { fullName: `Steady Signer ${i}`, email: `${prefix}${i}@example.org`, country: "SY" });
    if (outcome.kind !== "signed") throw new Error(`signature ${i} by ${prefix} ended as ${outcome.kind}, not signed`);
    if (++signed === 1) process.stdout.write("ready\n");
    // The signing path can be synchronous end to end; yielding lets the SIGTERM handler run.
    await new Promise((resolve) => setImmediate(resolve));
  }
  process.stdout.write(`${JSON.stringify({ signed })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
