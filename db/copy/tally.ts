/** One campaign's counts as a database keeps them, beside what its rows say. */
export type CampaignTally = {
  slug: string;
  /** The confirmed count kept (on PostgreSQL: the petition row plus its unfolded deltas). */
  kept: number;
  /** Confirmed signature rows. */
  counted: number;
  keptPending: number;
  countedPending: number;
  signerNumbersIssued: number;
};

/** What one side of a copy holds: rows per copied table, and each campaign's counts. */
export type Tally = { rows: Record<string, number>; campaigns: CampaignTally[] };

export type Comparison = {
  tables: { table: string; sqlite: number; postgres: number }[];
  campaigns: { slug: string; sqlite?: CampaignTally; postgres?: CampaignTally }[];
  /** Each difference in a sentence; empty when the copy matches its source. */
  differences: string[];
};

const fields = [
  ["kept", "the signature count"],
  ["counted", "confirmed rows"],
  ["keptPending", "the pending count"],
  ["countedPending", "pending rows"],
  ["signerNumbersIssued", "signer numbers issued"],
] as const;

/** Where a side's kept counts disagree with its own rows. */
function selfDifferences(side: string, tally: CampaignTally): string[] {
  const found: string[] = [];
  if (tally.kept !== tally.counted) found.push(`${tally.slug}: ${side} keeps a count of ${tally.kept} but holds ${tally.counted} confirmed rows`);
  if (tally.keptPending !== tally.countedPending) {
    found.push(`${tally.slug}: ${side} keeps a pending count of ${tally.keptPending} but holds ${tally.countedPending} pending rows`);
  }
  return found;
}

export function compareTallies(sqlite: Tally, postgres: Tally): Comparison {
  const differences: string[] = [];
  const tables = Object.keys(sqlite.rows).map((table) => ({ table, sqlite: sqlite.rows[table] ?? 0, postgres: postgres.rows[table] ?? 0 }));
  for (const { table, sqlite: from, postgres: to } of tables) {
    if (from !== to) differences.push(`${table}: ${from} rows in SQLite, ${to} in PostgreSQL`);
  }
  const slugs = [...new Set([...sqlite.campaigns, ...postgres.campaigns].map((p) => p.slug))];
  const campaigns = slugs.map((slug) => ({
    slug,
    sqlite: sqlite.campaigns.find((p) => p.slug === slug),
    postgres: postgres.campaigns.find((p) => p.slug === slug),
  }));
  for (const { slug, sqlite: from, postgres: to } of campaigns) {
    if (!from || !to) {
      differences.push(`${slug}: only in ${from ? "SQLite" : "PostgreSQL"}`);
      continue;
    }
    for (const [field, label] of fields) {
      if (from[field] !== to[field]) differences.push(`${slug}: ${label} ${from[field]} in SQLite, ${to[field]} in PostgreSQL`);
    }
    differences.push(...selfDifferences("SQLite", from), ...selfDifferences("PostgreSQL", to));
  }
  return { tables, campaigns, differences };
}
