// npx tsx bench/log-verify-scale.ts [entries = 1000000]
// Builds a synthetic campaign log by the specifications' plain definitions, serves it from a local
// HTTP server, runs log:verify against it as a user would (its own process, over HTTP, with an
// earlier checkpoint of half the entries) and prints how long the check took, in seconds.
import { spawn } from "node:child_process";
import { writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  buildReferenceLog,
  makeSigningKey,
  referenceCheckpoint,
  referenceLeafHash,
  referenceMth,
  syntheticLines,
} from "@/lib/log-proof/reference-log";

const entries = Number(process.argv[2] ?? 1_000_000);
const slug = "scale-bench";

async function main() {
  const buildStarted = performance.now();
  const lines = syntheticLines(entries);
  const key = makeSigningKey(`127.0.0.1/log/${slug}`);
  const log = buildReferenceLog(lines, key, { lookups: false });
  const half = Math.floor(entries / 2);
  const earlierRoot = referenceMth(lines.slice(0, half).map((line) => referenceLeafHash(new TextEncoder().encode(line))));
  const dir = mkdtempSync(path.join(tmpdir(), "log-verify-scale-"));
  const earlierFile = path.join(dir, "earlier-checkpoint.txt");
  writeFileSync(earlierFile, referenceCheckpoint(key.name, half, earlierRoot, key));
  const buildSeconds = (performance.now() - buildStarted) / 1000;

  const server = createServer((request, response) => {
    const url = request.url ?? "";
    const prefix = `/log/${slug}/`;
    const file = url.startsWith(prefix) ? log.files.get(url.slice(prefix.length)) : undefined;
    if (url === `/api/petitions/${slug}`) response.end(JSON.stringify({ slug, signaturesHere: log.standing }));
    else if (file) response.end(file);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/log-verify.ts", site, slug, earlierFile], { stdio: ["ignore", "inherit", "inherit"] });
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  const seconds = (performance.now() - started) / 1000;
  server.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(`log:verify on ${entries.toLocaleString("en-US")} entries: exit ${code}, ${seconds.toFixed(1)} s (log built in ${buildSeconds.toFixed(1)} s)`);
  process.exit(code === 0 ? 0 : 1);
}

void main();
