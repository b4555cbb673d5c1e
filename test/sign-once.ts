// Signs once in a process of its own, from a given client address, and prints the outcome; run by
// lib/abuse.integration.test.ts to show that limits are shared through the database.
import { signCampaign } from "@/lib/signatures";
import { openDatabase } from "@/db/open";
import { closeStores, openStores } from "@/lib/stores";

const [slug = "", email = "", clientAddress = ""] = process.argv.slice(2);

openStores(openDatabase)
  .then(() => signCampaign(slug, { fullName: "Second Process", email, country: "SY" }, { clientAddress }))
  .then((outcome) => process.stdout.write(JSON.stringify(outcome)))
  // Closed, not left open: PostgreSQL's idle pool would hold the process, and the test waiting on it, for 10 s.
  .then(closeStores)
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
