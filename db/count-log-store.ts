import { and, count, eq, isNull, or, sql } from "drizzle-orm";
import type { Appended, LogHow, LogState, LogTile, RemoveReason, WaitingEntry } from "@/lib/domain/count-log";
import type { CountLogStore, LogWriter } from "@/lib/domain/ports/count-log";
import { perHandle, type Dialect, type Handle } from "./dialect";

type WaitingRow = {
  id: number;
  petition_id: number;
  slug: string;
  kind: "add" | "remove";
  minute: number;
  how: LogHow | null;
  country: string | null;
  cancels: number | null;
  reason: RemoveReason | null;
  cancels_position: number | null;
  cancelled_minute: number | null;
  cancelled_how: LogHow | null;
  cancelled_country: string | null;
  receipt_salt: string | null;
  email_key: string | null;
};

// Entries placed per statement that gives them their places: three bound values each.
const placedPerStatement = 1_000;

/** What a commitment is indexed by: its first 13 hex digits, 52 bits, a whole number either database and JavaScript hold. */
const commitmentKey = (commitment: string | null): number | null => (commitment === null ? null : Number.parseInt(commitment.slice(0, 13), 16));

function toWaiting(row: WaitingRow): WaitingEntry {
  const base = { id: Number(row.id), campaignId: Number(row.petition_id), minute: Number(row.minute) };
  if (row.kind === "add") {
    const signer = row.receipt_salt && row.email_key ? { receiptSalt: row.receipt_salt, emailKey: row.email_key } : null;
    return { ...base, kind: "add", how: row.how!, country: row.country!, signer };
  }
  return {
    ...base,
    kind: "remove",
    reason: row.reason!,
    cancels: Number(row.cancels),
    cancelsPosition: row.cancels_position === null ? null : Number(row.cancels_position),
    cancelled: { minute: Number(row.cancelled_minute), how: row.cancelled_how!, country: row.cancelled_country! },
  };
}

const emptyStats = (): LogState["stats"] => ({ byHow: {}, byCountry: {}, byDay: {} });

/** The count log's tables: entries waiting and placed, each campaign's tree as of its last batch, its tiles as served. */
export function countLogStore(d: Dialect): CountLogStore {
  const { campaigns, campaignLogs, logEntries, logTiles, signatures } = d.tables;

  /** The oldest entries without a place, with what each needs: an add its signer's salt, a remove its add's place. */
  const waiting = (tx: Handle, limit: number) =>
    d.rows<WaitingRow>(
      tx,
      sql`select e.id, e.petition_id, p.slug, e.kind, e.minute, e.how, e.country, e.cancels, e.reason,
          a.position as cancels_position, a.minute as cancelled_minute, a.how as cancelled_how, a.country as cancelled_country,
          s.receipt_salt, s.email_key
        from ${logEntries} e
        join ${campaigns} p on p.id = e.petition_id
        left join ${logEntries} a on a.id = e.cancels
        left join ${signatures} s on s.id = e.signature_id
        where e.position is null
        order by e.id
        limit ${limit}`,
    );

  type StoredLog = typeof campaignLogs.$inferSelect;

  /** Every campaign's log as stored, read before the entries waiting, so a batch placed by another sequencer in between
   * shows as a size that moved. */
  async function loadLogs(reader: Handle): Promise<Map<number, StoredLog>> {
    const rows = await reader.select().from(campaignLogs);
    return new Map(rows.map((row) => [row.campaignId, row]));
  }

  function logState(stored: StoredLog | undefined, campaignId: number, slug: string, writer: LogWriter): LogState {
    if (!stored) return { campaignId, origin: writer.originFor(slug), size: 0, count: 0, frontier: [], stats: emptyStats() };
    const frontier = Array.from({ length: stored.frontier.length / 32 }, (_, i) => stored.frontier.subarray(i * 32, (i + 1) * 32));
    return { campaignId, origin: stored.origin, size: stored.size, count: stored.count, frontier, stats: JSON.parse(stored.stats) as LogState["stats"] };
  }

  /** The partial tiles a log of this size has, or undefined when what is stored has grown past it (another batch placed). */
  async function loadPartials(reader: Handle, campaignId: number, expected: { level: number; index: number; width: number }[]): Promise<LogTile[] | undefined> {
    if (expected.length === 0) return [];
    const rows = await reader
      .select({ level: logTiles.level, index: logTiles.index, width: logTiles.width, data: logTiles.data })
      .from(logTiles)
      .where(and(eq(logTiles.campaignId, campaignId), or(...expected.map((k) => and(eq(logTiles.level, k.level), eq(logTiles.index, k.index))))));
    const asExpected = expected.every((k) => rows.some((row) => row.level === k.level && row.index === k.index && row.width === k.width));
    return asExpected && rows.length === expected.length ? rows : undefined;
  }

  // SQLite places an entry a run of one prepared statement; PostgreSQL a thousand in one statement (d.insertMany).
  const placeOne = perHandle((h: Handle) =>
    h
      .update(logEntries)
      .set({ position: sql`${sql.placeholder("position")}`, commitment: sql`${sql.placeholder("commitment")}`, commitmentKey: sql`${sql.placeholder("key")}` })
      .where(eq(logEntries.id, sql.placeholder("id")))
      .prepare("countersign-log-place"),
  );

  async function place(tx: Handle, placed: { id: number; position: number; commitment: string | null }[]): Promise<void> {
    for (let i = 0; i < placed.length; i += placedPerStatement) {
      await d.insertMany(
        placed.slice(i, i + placedPerStatement),
        async (entry) => (await placeOne(tx).execute({ ...entry, key: commitmentKey(entry.commitment) }), []),
        async (entries) => {
          const values = entries.map(
            (p) => sql`(cast(${p.id} as integer), cast(${p.position} as integer), cast(${p.commitment} as text), cast(${commitmentKey(p.commitment)} as bigint))`,
          );
          // VALUES names its columns column1, column2, and so on.
          await d.run(
            tx,
            sql`update ${logEntries} set position = v.column2, commitment = v.column3, commitment_key = v.column4 from (values ${sql.join(values, sql`, `)}) as v where ${logEntries}.id = v.column1`,
          );
          return [];
        },
      );
    }
  }

  /** A campaign's batch made from a snapshot, before any lock: its tiles, places and log as they will be stored. */
  type Batch = { campaignId: number; sizeBefore: number; appended: Appended; checkpoint: string };

  /** The batch, or undefined when the log moved on while it was being read. */
  async function makeBatch(reader: Handle, stored: StoredLog | undefined, slug: string, entries: WaitingEntry[], writer: LogWriter): Promise<Batch | undefined> {
    const campaignId = entries[0]!.campaignId;
    const log = logState(stored, campaignId, slug, writer);
    const partials = await loadPartials(reader, campaignId, writer.partials(log.size));
    if (!partials) return undefined;
    const appended = writer.append(log, partials, entries);
    return { campaignId, sizeBefore: log.size, appended, checkpoint: writer.checkpoint(appended.state.origin, appended.state.size, appended.root) };
  }

  async function storedSize(tx: Handle, campaignId: number): Promise<number> {
    const [stored] = await tx.select({ size: campaignLogs.size }).from(campaignLogs).where(eq(campaignLogs.campaignId, campaignId));
    return stored?.size ?? 0;
  }

  async function writeBatch(tx: Handle, { campaignId, appended, checkpoint }: Batch, now: Date): Promise<void> {
    for (const tile of appended.tiles) {
      const data = Buffer.from(tile.data);
      await tx
        .insert(logTiles)
        .values({ campaignId, level: tile.level, index: tile.index, width: tile.width, data })
        .onConflictDoUpdate({ target: [logTiles.campaignId, logTiles.level, logTiles.index], set: { width: tile.width, data } });
    }
    await place(tx, appended.placed);
    const { state } = appended;
    const kept = { size: state.size, count: state.count, frontier: Buffer.concat(state.frontier), stats: JSON.stringify(state.stats), checkpoint, sequencedAt: now };
    await tx.insert(campaignLogs).values({ campaignId, origin: state.origin, ...kept }).onConflictDoUpdate({ target: campaignLogs.campaignId, set: kept });
  }

  return {
    // The batch is read and hashed before it is written (on SQLite holding no lock, so its one writer is held for the writes
    // alone). The write first checks that no other sequencer placed entries since the read; if one did, the batch is dropped
    // unwritten and made again from the new state on the next pass.
    sequenceLogs: (limit, writer) =>
      d.prepareThenWrite(
        "count-log",
        async (reader) => {
          const logs = await loadLogs(reader);
          const rows = await waiting(reader, limit);
          const byCampaign = new Map<string, WaitingEntry[]>();
          for (const row of rows) {
            const entries = byCampaign.get(row.slug) ?? [];
            entries.push(toWaiting(row));
            byCampaign.set(row.slug, entries);
          }
          const batches: Batch[] = [];
          for (const [slug, entries] of byCampaign) {
            const batch = await makeBatch(reader, logs.get(entries[0]!.campaignId), slug, entries, writer);
            if (!batch) return { placed: 0, batches: [] };
            batches.push(batch);
          }
          return { placed: rows.length, batches };
        },
        async (tx, { placed, batches }) => {
          for (const batch of batches) if ((await storedSize(tx, batch.campaignId)) !== batch.sizeBefore) return 0;
          const now = new Date();
          for (const batch of batches) await writeBatch(tx, batch, now);
          return placed;
        },
      ),

    async readLog(campaignId) {
      const [stored] = await d.read().select().from(campaignLogs).where(eq(campaignLogs.campaignId, campaignId));
      if (!stored) return undefined;
      const { origin, size, count: counted, checkpoint, stats, sequencedAt } = stored;
      return { origin, size, count: counted, checkpoint, stats: JSON.parse(stats) as LogState["stats"], sequencedAt };
    },

    async readTile(campaignId, level, index) {
      const [tile] = await d
        .read()
        .select({ level: logTiles.level, index: logTiles.index, width: logTiles.width, data: logTiles.data })
        .from(logTiles)
        .where(and(eq(logTiles.campaignId, campaignId), eq(logTiles.level, level), eq(logTiles.index, index)));
      return tile;
    },

    async findCommitment(campaignId, commitment) {
      const [found] = await d.rows<{ position: number | null; removed_by: number | null }>(
        d.read(),
        sql`select e.position, (select r.position from ${logEntries} r where r.cancels = e.id) as removed_by
          from ${logEntries} e where e.petition_id = ${campaignId} and e.commitment_key = ${commitmentKey(commitment)} and e.commitment = ${commitment}`,
      );
      return found && { position: found.position === null ? null : Number(found.position), removedBy: found.removed_by === null ? null : Number(found.removed_by) };
    },

    async countWaiting(campaignId) {
      const [row] = await d.read().select({ n: count() }).from(logEntries).where(and(eq(logEntries.campaignId, campaignId), isNull(logEntries.position)));
      return row?.n ?? 0;
    },
  };
}
