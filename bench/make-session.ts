// Prints a fresh organiser session token for the bench's database, so the export can be downloaded
// the way an organiser's browser would, with the session cookie.
import { findAdminByEmail, migrateDatabase } from "@/db/store";
import { createAdmin } from "@/lib/auth/admins";
import { startSession } from "@/lib/auth/sessions";

async function main() {
  await migrateDatabase();
  const email = "bench@bench.example";
  await createAdmin(email, "a long bench password", "owner");
  const admin = await findAdminByEmail(email);
  process.stdout.write((await startSession(admin!.id)).token);
}

void main();
