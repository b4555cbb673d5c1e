import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const sources = ["app", "lib", "db", "content", "proxy.ts", "server", "next.config.js", "package.json"];

// Tests live beside the code but are not part of the build.
const isTest = (file: string) => /\.test\.tsx?$/.test(file);

function newestChange(file: string): number {
  const stat = statSync(file);
  if (!stat.isDirectory()) return isTest(file) ? 0 : stat.mtimeMs;
  return Math.max(0, ...readdirSync(file).map((entry) => newestChange(path.join(file, entry))));
}

/** A build is needed when there is none, or when the code has changed since it was made. */
export function buildIsStale(): boolean {
  const buildId = path.join(".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return sources.filter((p) => existsSync(p)).some((p) => newestChange(p) > built);
}

export function buildIfStale(): void {
  if (!buildIsStale()) return;
  console.log("building the app (first start, or the code changed since the last build)…");
  const build = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], { stdio: "inherit" });
  if (build.status !== 0) throw new Error(`next build failed with exit code ${build.status}`);
}
