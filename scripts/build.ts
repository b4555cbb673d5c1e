import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { buildSync } from "esbuild";

// What a build is made from: Next.js's app and the custom server around it.
const sources = ["app", "lib", "db", "content", "proxy.ts", "server", "scripts", "i18n", "messages", "next.config.js", "package.json", "tsconfig.json"];

/** The compiled server: plain JavaScript that `node` runs without tsx. */
export const serverEntry = path.join("dist", "start.js");
const outputs = [path.join(".next", "BUILD_ID"), serverEntry, path.join("dist", "count-log-thread.js")];

// Tests live beside the code but are not part of the build.
const isTest = (file: string) => /\.test\.tsx?$/.test(file);

function newestChange(file: string): number {
  const stat = statSync(file);
  if (!stat.isDirectory()) return isTest(file) ? 0 : stat.mtimeMs;
  return Math.max(0, ...readdirSync(file).map((entry) => newestChange(path.join(file, entry))));
}

/** A build is needed when there is none, or when the code has changed since it was made. */
export function buildIsStale(): boolean {
  if (!outputs.every((output) => existsSync(output))) return true;
  const built = Math.min(...outputs.map((output) => statSync(output).mtimeMs));
  return sources.filter((p) => existsSync(p)).some((p) => newestChange(p) > built);
}

/**
 * Builds Next.js's app, then bundles the custom server (scripts/start.ts with server/, lib/ and db/)
 * and its worker threads (the count log's sequencer, the export's) with esbuild, each into one file of plain JavaScript, the
 * packages in node_modules left to be required at run time.
 */
export function build(): void {
  const next = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], { stdio: "inherit" });
  if (next.status !== 0) throw new Error(`next build failed with exit code ${next.status}`);
  buildSync({
    entryPoints: { start: "scripts/start.ts", "count-log-thread": "scripts/count-log-thread.ts", "export-worker": "db/sqlite/export-worker.ts" },
    outdir: "dist",
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    packages: "external",
    sourcemap: true,
    logLevel: "warning",
  });
}

export function buildIfStale(): void {
  if (!buildIsStale()) return;
  console.log("building the app (first start, or the code changed since the last build)…");
  build();
}

// `npm run build` builds; `npm start` first builds only if the code changed since the last build.
if (require.main === module) {
  if (process.argv.includes("--if-stale")) buildIfStale();
  else build();
}
