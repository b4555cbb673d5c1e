import { openDatabase } from "@/db/open";
import { openStores, stores } from "@/lib/stores";
import { createOrganiser } from "@/lib/auth/organiser-accounts";
import { startSession } from "@/lib/auth/sessions";

async function main() {
  await openStores(openDatabase);
  await stores().database.migrateDatabase();
  const email = "bench@bench.example";
  await createOrganiser(email, "a long bench password", "owner");
  const organiser = await stores().organisers.findOrganiserByEmail(email);
  process.stdout.write((await startSession(organiser!.id)).token);
}

void main();
