// npm run log:verify -- <site URL> <slug> [earlier checkpoint file]
// Checks a campaign's public log from its published files alone; exits 0 when all agree, 1 on a
// disagreement (printed with its index or path), 2 when it cannot check (arguments, site, slug).
import { readFileSync } from "node:fs";
import { parseArguments } from "./log-verify/arguments";
import { CannotCheck } from "./log-verify/outcomes";
import { verifySite, type ExitCode } from "./log-verify/verify-site";

function readEarlier(file: string): { name: string; note: string } {
  try {
    return { name: file, note: readFileSync(file, "utf8") };
  } catch (error) {
    throw new CannotCheck(`cannot read the earlier checkpoint ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function main(): Promise<ExitCode> {
  try {
    const { site, slug, earlierCheckpointFile } = parseArguments(process.argv.slice(2));
    const earlier = earlierCheckpointFile ? readEarlier(earlierCheckpointFile) : undefined;
    return await verifySite({ site, slug, ...(earlier ? { earlier } : {}), fetch, print: (line) => console.log(line) });
  } catch (error) {
    if (!(error instanceof CannotCheck)) throw error;
    console.error(error.message);
    return 2;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
