import "./node-env";
import { existsSync } from "node:fs";
import path from "node:path";
import type { ThreadEntry } from "@/lib/count-log/sequencer-thread";
import { config, ConfigError } from "@/lib/config";
import { logger } from "@/lib/log";
import { openDatabase } from "@/db/open";
import { openStores } from "@/lib/stores";
import { ensureFirstOrganiser, seedCampaigns } from "@/lib/seed";
import { routeStandardStreams } from "@/lib/standard-streams";
import { startServer } from "../server";

const dev = process.argv.includes("--dev");

/** The sequencer thread's script: built beside this file (dist/), or its source through tsx (`npm run dev`). */
function sequencerEntry(): ThreadEntry {
  const built = path.join(__dirname, "count-log-thread.js");
  if (existsSync(built)) return { file: built, execArgv: [] };
  return { file: path.join(__dirname, "count-log-thread.ts"), execArgv: ["--require", "tsx/cjs"] };
}

async function main() {
  // Before anything can print: Next.js's own output and uncaught errors pass the scrubber too.
  routeStandardStreams();
  const settings = config();
  const log = logger();
  await (await openStores(openDatabase)).database.migrateDatabase();
  const slugs = await seedCampaigns();
  const organiser = await ensureFirstOrganiser(settings);
  log.info({ campaigns: slugs }, "campaigns ready");
  // The address is the operator's own setting; the log need not repeat it.
  if (organiser === "created") log.info("organiser account created for ADMIN_EMAIL");
  if (organiser === "not-configured") log.warn("no ADMIN_EMAIL/ADMIN_PASSWORD set: add an organiser with npm run admin -- create <email>");

  const { shutdown } = await startServer({ dev, port: settings.PORT, host: settings.HOST, sequencer: sequencerEntry() });
  log.info({ port: settings.PORT }, `Countersign is serving at http://localhost:${settings.PORT}`);

  // Finish what was taken, close the database cleanly (SQLite folds the WAL back in), and go.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      log.info({ signal }, "shutting down: finishing the requests already taken");
      shutdown()
        .then(() => process.exit(0))
        .catch((error: unknown) => {
          log.error({ err: error }, "shutting down failed");
          process.exit(1);
        });
    });
  }
}

main().catch((error: unknown) => {
  // Without valid settings there is no logger: the message is for the person starting the app.
  if (error instanceof ConfigError) console.error(error.message);
  else logger().fatal({ err: error }, "Countersign could not start");
  process.exit(1);
});
