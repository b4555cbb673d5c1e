import "./node-env";
import { closeDatabase, migrateDatabase } from "@/db/store";
import { config, ConfigError } from "@/lib/config";
import { ensureFirstAdmin, seedCampaigns } from "@/lib/seed";
import { startServer } from "../server";
import { buildIfStale } from "./build";

const dev = process.argv.includes("--dev");
// The browser tests build once before starting several servers, which must not rebuild under each other.
const serveOnly = process.argv.includes("--serve-only");

async function main() {
  const settings = config();
  migrateDatabase();
  const slugs = await seedCampaigns();
  const admin = await ensureFirstAdmin(settings);
  console.log(`campaigns ready: ${slugs.join(", ")}`);
  if (admin === "created") console.log(`organiser account created for ${settings.ADMIN_EMAIL}`);
  if (admin === "not-configured") console.log("no ADMIN_EMAIL/ADMIN_PASSWORD set: add an organiser with npm run admin -- create <email>");

  if (!dev && !serveOnly) buildIfStale();

  const server = await startServer({ dev, port: settings.PORT, host: settings.HOST });
  console.log(`Countersign is serving at http://localhost:${settings.PORT}`);

  // Stop taking requests and close the database cleanly, which also folds the WAL back in.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      server.close();
      closeDatabase();
      process.exit(0);
    });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
