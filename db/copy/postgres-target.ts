import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import type { Client } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { signerSequenceName, unfoldedCounts } from "@/db/postgres/counts";
import { csvChunks } from "./csv-rows";
import type { CampaignTally, Tally } from "./tally";
import { appTables, copiedTables, quoted, type CopiedTable } from "./tables";

/** pg's errors name the line and column of a COPY that failed in `where`; the message alone does not. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const where = "where" in error && typeof error.where === "string" ? ` (${error.where})` : "";
  return `${error.message}${where}`;
}

/** The first of the app's tables, in copy order, that exists and holds a row. */
export async function firstTableHeld(client: Client): Promise<string | undefined> {
  const { rows } = await client.query<{ name: string }>("select tablename as name from pg_tables where schemaname = 'public'");
  const existing = new Set(rows.map((row) => row.name));
  for (const table of appTables.filter((name) => existing.has(name))) {
    const { rows: found } = await client.query<{ held: boolean }>(`select exists (select 1 from ${quoted(table)}) as held`);
    if (found[0]?.held) return table;
  }
  return undefined;
}

/** Keeps every other session from writing to the app's tables until this transaction ends; reading goes on. */
export async function lockAppTables(client: Client): Promise<void> {
  await client.query(`lock table ${appTables.map(quoted).join(", ")} in exclusive mode`);
}

/** Streams the rows into the table with COPY; returns how many PostgreSQL took. */
export async function copyTable(client: Client, table: CopiedTable, rows: Iterable<unknown[]>): Promise<number> {
  const columns = table.columns.map((column) => quoted(column.name)).join(", ");
  const into = client.query(copyFrom(`copy ${quoted(table.name)} (${columns}) from stdin with (format csv)`));
  try {
    // pipeline reads the next piece only once the connection has taken the last, so however many
    // rows there are, only a few pieces are ever in memory.
    await pipeline(Readable.from(csvChunks(table, rows), { objectMode: false }), into);
  } catch (error) {
    throw new Error(`Copying ${table.name} failed: ${describeError(error)}`, { cause: error });
  }
  return into.rowCount;
}

/** Sets an identity column's sequence to hand out ids above `highest`. */
export async function continueIdentity(client: Client, table: string, column: string, highest: number): Promise<void> {
  const { rows } = await client.query<{ sequence: string | null }>("select pg_get_serial_sequence($1, $2) as sequence", [quoted(table), column]);
  const sequence = rows[0]?.sequence;
  if (!sequence) throw new Error(`${table}.${column} has no identity sequence on PostgreSQL, so its ids could not be continued`);
  await client.query("select setval($1::regclass, $2, false)", [sequence, highest + 1]);
}

/** Makes a campaign's signer-number sequence, so its next confirmed signer is number `issued + 1`. */
export async function continueSignerNumbers(client: Client, campaignId: number, issued: number): Promise<void> {
  const sequence = signerSequenceName(campaignId);
  await client.query(`create sequence if not exists ${sequence}`);
  // A sequence never called starts at its value; one called goes on after it.
  await client.query("select setval($1::regclass, $2, $3)", [sequence, Math.max(issued, 1), issued > 0]);
}

/** The copied tables' rows and each campaign's counts, as the app would read them on PostgreSQL. */
export async function postgresTally(client: Client): Promise<Tally> {
  const rows: Record<string, number> = {};
  for (const table of copiedTables) {
    const { rows: counted } = await client.query<{ n: number }>(`select count(*)::int as n from ${quoted(table.name)}`);
    rows[table.name] = counted[0]?.n ?? 0;
  }
  const { rows: found } = await drizzle(client).execute<Omit<CampaignTally, "signerNumbersIssued"> & { id: number }>(
    sql`select p.id, p.slug, p.signature_count + d.confirmed as kept, p.pending_count + d.pending as "keptPending",
      (select count(*)::int from signatures s where s.petition_id = p.id and s.status = 'confirmed') as counted,
      (select count(*)::int from signatures s where s.petition_id = p.id and s.status = 'pending') as "countedPending"
    from petitions p ${unfoldedCounts} order by p.id`,
  );
  const campaigns: CampaignTally[] = [];
  for (const { id, ...campaign } of found) {
    const { rows: issued } = await client.query<{ n: string }>(
      `select case when is_called then last_value else 0 end as n from ${signerSequenceName(id)}`,
    );
    campaigns.push({ ...campaign, signerNumbersIssued: Number(issued[0]?.n ?? 0) });
  }
  return { rows, campaigns };
}
