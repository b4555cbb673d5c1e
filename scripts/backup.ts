import { openDatabase } from "@/db/open";
import { closeStores, openStores, stores } from "@/lib/stores";
import { statSync } from "node:fs";
import path from "node:path";
import { ConfigError } from "@/lib/config";

const usage = [
  "Usage: npm run backup -- <file>",
  "Writes a consistent copy of the database (DATABASE_URL) to <file>, which must not exist yet.",
  "The app can keep running, and signing goes on meanwhile.",
].join("\n");

function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

async function main(args: string[]) {
  const [target] = args;
  if (!target || args.length > 1 || target.startsWith("-")) {
    console.error(usage);
    process.exit(2);
  }
  const started = performance.now();
  await openStores(openDatabase);
  const { pages } = await stores().database.backupDatabase(target);
  const seconds = (performance.now() - started) / 1000;
  const { size } = statSync(target);
  console.log(`Backed up the database to ${path.resolve(target)}: ${formatSize(size)} (${pages} pages) in ${seconds.toFixed(2)} s.`);
  await closeStores();
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error instanceof Error ? error.message : error);
  process.exit(1);
});
