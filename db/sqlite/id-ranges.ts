import { setImmediate as nextTurn } from "node:timers/promises";
import { and, eq, gte, lt, max, min, sql, type SQL } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as schema from "./schema";

type Orm = BetterSQLite3Database<typeof schema>;
const { signatures } = schema;

// A query holds the process's one thread until it ends, signing included, and counting a million
// signatures in one takes about a second. So a count over a campaign goes a range of ids at a time,
// on signatures_by_petition (petition_id, id): about 20 ms a range, measured on a million, with the
// event loop given a turn between ranges.
const idsPerTurn = 20_000;
// Index entries read a turn when a walk has no id range to go by.
const entriesPerTurn = 5_000;

/** A campaign's lowest and highest signature ids, if it has any. */
export type IdSpan = { first: number; last: number };

/**
 * How the reader's counts over a campaign take their turns. Built once per reader connection: the
 * ranges of every count in progress on it (a dashboard asks for five at once) take their turns one
 * by one, so the event loop never waits for more than one range.
 */
export function idRanges(reader: () => Orm) {
  let turns: Promise<unknown> = Promise.resolve();
  function inTurn<T>(read: () => T | PromiseLike<T>): Promise<T> {
    const done = turns.then(() => nextTurn()).then(read);
    turns = done.catch(() => undefined);
    return done;
  }

  /**
   * The campaign's lowest or highest id: asked apart, since SQLite finds a lone min() or max() at
   * one end of signatures_by_petition (petition_id, id) but reads the whole range for both at once.
   */
  function endId(campaignId: number, end: typeof min): number | null {
    const [row] = reader().select({ id: end(signatures.id) }).from(signatures).where(eq(signatures.campaignId, campaignId)).all();
    return row?.id ?? null;
  }

  /**
   * The lowest id signed since `from`, read on signatures_by_time (petition_id, signed_at) a slice
   * a turn: a lone min() read every entry of the period in one query, half a second held for a
   * campaign that took 5 million signatures in three days. Ids do not follow signing times (an
   * import stores old dates under new ids), so every entry is looked at.
   */
  async function firstIdSince(campaignId: number, from: Date): Promise<number | null> {
    let lowest: number | null = null;
    let after: { at: number; id: number } | undefined;
    for (;;) {
      const bound = after ? sql`(${signatures.signedAt}, ${signatures.id}) > (${after.at}, ${after.id})` : sql`${signatures.signedAt} >= ${from.getTime()}`;
      const slice = await inTurn(() =>
        reader().all<{ at: number; id: number }>(sql`
          select ${signatures.signedAt} as at, ${signatures.id} as id from ${signatures} indexed by signatures_by_time
          where ${signatures.campaignId} = ${campaignId} and ${bound} order by 1, 2 limit ${entriesPerTurn}`),
      );
      for (const { id } of slice) lowest = lowest === null ? id : Math.min(lowest, id);
      if (slice.length < entriesPerTurn) return lowest;
      after = slice.at(-1);
    }
  }

  return {
    span(campaignId: number): IdSpan | undefined {
      const first = endId(campaignId, min);
      const last = first === null ? null : endId(campaignId, max);
      return first === null || last === null ? undefined : { first, last };
    },
    /**
     * Rows of `count` over the campaign's signatures from its first (or the first signed `since`) to
     * its last, run once per range of ids with the condition that picks the range; the caller adds them up.
     */
    async countInRanges<Row>(campaignId: number, count: (range: SQL) => PromiseLike<Row[]>, since?: Date): Promise<Row[]> {
      const first = since === undefined ? endId(campaignId, min) : await firstIdSince(campaignId, since);
      const last = endId(campaignId, max);
      const rows: Row[] = [];
      for (let from = first ?? 0; first !== null && last !== null && from <= last; from += idsPerTurn) {
        const range = and(eq(signatures.campaignId, campaignId), gte(signatures.id, from), lt(signatures.id, from + idsPerTurn))!;
        rows.push(...(await inTurn(() => count(range))));
      }
      return rows;
    },
  };
}

export type IdRanges = ReturnType<typeof idRanges>;
