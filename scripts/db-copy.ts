import { copySqliteToPostgres, withoutPassword } from "@/db/copy/sqlite-to-postgres";
import type { Comparison, CampaignTally } from "@/db/copy/tally";
import { databasePath } from "@/db/sqlite/connection";

const usage = [
  "Usage: npm run db:copy -- <sqlite file> <postgres url>",
  "Copies a Countersign SQLite database into an empty PostgreSQL database in one transaction, then",
  "compares the two. Stop the app first: what is signed during the copy stays behind in SQLite.",
  "Example: npm run db:copy -- data/countersign.db postgres://countersign:secret@localhost:5432/countersign",
].join("\n");

const number = (n: number) => n.toLocaleString("en");

/** Rows as aligned columns: the first `names` columns to the left, the numbers after them to the right. */
function table(rows: string[][], names = 1): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) => row.map((cell, i) => (i < names ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ")).join("\n");
}

function formatComparison({ tables, campaigns, differences }: Comparison): string {
  const rows = table([["Table", "SQLite", "PostgreSQL"], ...tables.map((t) => [t.table, number(t.sqlite), number(t.postgres)])]);
  const side = (slug: string, name: string, p?: CampaignTally) =>
    p
      ? [slug, name, number(p.kept), number(p.counted), number(p.keptPending), number(p.countedPending), number(p.signerNumbersIssued)]
      : [slug, name, "-", "-", "-", "-", "-"];
  const counts = table([
    ["Campaign", "Database", "Count", "Confirmed rows", "Pending", "Pending rows", "Signer numbers issued"],
    ...campaigns.flatMap((p) => [side(p.slug, "SQLite", p.sqlite), side(p.slug, "PostgreSQL", p.postgres)]),
  ], 2);
  const verdict = differences.length === 0 ? "Everything matches." : ["These differ:", ...differences.map((d) => `  - ${d}`)].join("\n");
  return [rows, counts, verdict].join("\n\n");
}

async function main(args: string[]) {
  const [from, to] = args;
  if (!from || !to || args.length > 2 || from.startsWith("-") || !/^postgres(ql)?:\/\//.test(to)) {
    console.error(usage);
    process.exit(2);
  }
  // The SQLite side may be given as the app's own DATABASE_URL (file:…) or as a plain path.
  const file = from.startsWith("file:") ? databasePath(from) : from;
  const started = performance.now();
  const outcome = await copySqliteToPostgres(file, to, ({ table, rows, seconds }) =>
    console.log(`Copied ${table}: ${number(rows)} ${rows === 1 ? "row" : "rows"} in ${seconds.toFixed(2)} s.`),
  );
  if (outcome.kind === "refused") {
    console.error(outcome.reason);
    process.exit(1);
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`\nCopied ${file} into ${withoutPassword(to)} in ${seconds.toFixed(1)} s.\n\n${formatComparison(outcome.comparison)}`);
  if (outcome.comparison.differences.length > 0) process.exit(1);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
