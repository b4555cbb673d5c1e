// One of several processes that try to sign with the same email at the same moment; run by
// lib/signatures.integration.test.ts. Prints how each of its attempts ended.
import { signCampaign } from "@/lib/signatures";
import { openDatabase } from "@/db/open";
import { closeStores, openStores } from "@/lib/stores";

const [slug = "", email = "", attempts = "1", startAt = "0"] = process.argv.slice(2);

async function main() {
  await openStores(openDatabase);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
  const outcomes = await Promise.all(
    Array.from({ length: Number(attempts) }, () =>
      signCampaign(slug, { fullName: "Racing Signer", email, country: "SY" }).then((o) => o.kind),
    ),
  );
  process.stdout.write(JSON.stringify(outcomes));
  // Closed, not left open: PostgreSQL's idle pool would hold the process, and the test waiting on it, for 10 s.
  await closeStores();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
