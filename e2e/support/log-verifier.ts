import { execFile } from "node:child_process";
import path from "node:path";

/** Runs `npm run log:verify` as anyone would, against a running site: its exit code and everything it printed. */
export function runLogVerifier(siteUrl: string, slug: string, ...extra: string[]): Promise<{ code: number; output: string }> {
  const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
  return new Promise((resolve) => {
    execFile(tsx, ["scripts/log-verify.ts", siteUrl, slug, ...extra], { timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, output: `${stdout}${stderr}` });
    });
  });
}
