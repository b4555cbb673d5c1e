import "./node-env";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { migrateDatabase } from "@/db/store";
import { config, ConfigError } from "@/lib/config";
import { ensureFirstAdmin, seedCampaigns } from "@/lib/seed";
import { startServer } from "../server";

const dev = process.argv.includes("--dev");

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** A build is needed when there is none, or when the code has changed since it was made. */
function buildIsStale(): boolean {
  const buildId = path.join(".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const sources = ["app", "lib", "db", "next.config.js", "package.json"].filter((p) => existsSync(p));
  const built = statSync(buildId).mtimeMs;
  return sources.some((p) => (statSync(p).isDirectory() ? newestChange(p) : statSync(p).mtimeMs) > built);
}

async function main() {
  const settings = config();
  migrateDatabase();
  const slugs = await seedCampaigns();
  const admin = await ensureFirstAdmin(settings);
  console.log(`campaigns ready: ${slugs.join(", ")}`);
  if (admin === "created") console.log(`organiser account created for ${settings.ADMIN_EMAIL}`);
  if (admin === "not-configured") console.log("no ADMIN_EMAIL/ADMIN_PASSWORD set: add an organiser with npm run admin -- create <email>");

  if (!dev && buildIsStale()) {
    console.log("building the app (first start, or the code changed since the last build)…");
    const build = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], { stdio: "inherit" });
    if (build.status !== 0) throw new Error(`next build failed with exit code ${build.status}`);
  }

  await startServer({ dev, port: settings.PORT, host: settings.HOST });
  console.log(`Countersign is serving at http://localhost:${settings.PORT}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
