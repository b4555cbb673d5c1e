// Prints a fresh organiser session token for the bench's database, so the export can be downloaded
// the way an organiser's browser would, with the session cookie.
import { findOrganiserByEmail, migrateDatabase } from "@/db/store";
import { createOrganiser } from "@/lib/auth/organiser-accounts";
import { startSession } from "@/lib/auth/sessions";

async function main() {
  await migrateDatabase();
  const email = "bench@bench.example";
  await createOrganiser(email, "a long bench password", "owner");
  const organiser = await findOrganiserByEmail(email);
  process.stdout.write((await startSession(organiser!.id)).token);
}

void main();
