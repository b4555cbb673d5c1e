import { sql } from "drizzle-orm";
import { unixMinute, type LogHow, type RemoveReason } from "@/lib/domain/count-log";
import { perHandle, placeholders, type Dialect, type Handle } from "./dialect";

// The count log's entries, written by every store that moves a campaign's count, in the same transaction: a signature that
// starts counting adds an entry, one that stops removes it. The sequencer (db/count-log-store.ts) gives each its place.

export type CountedSignature = { campaignId: number; signatureId: number; country: string };

/** Ids per statement: well inside both databases' limits on bound values. */
const perStatement = 5_000;

/** The signatures started counting now: each adds an entry to its campaign's log. */
export async function logAdds(d: Dialect, tx: Handle, counted: readonly CountedSignature[], how: LogHow, at: Date): Promise<void> {
  if (!d.countLog) return;
  const minute = unixMinute(at);
  for (let i = 0; i < counted.length; i += perStatement) {
    const rows = counted.slice(i, i + perStatement).map((s) => ({ campaignId: s.campaignId, kind: "add" as const, minute, signatureId: s.signatureId, how, country: s.country }));
    await tx.insert(d.tables.logEntries).values(rows);
  }
}

/**
 * One signature's add, for the signing path: a statement prepared once per connection, since building and preparing an
 * insert for each signature cost SQLite's writer more than the insert itself.
 */
export function loggedAdd(d: Dialect): (tx: Handle, counted: CountedSignature, how: LogHow, at: Date) => Promise<void> {
  const insert = perHandle((h: Handle) =>
    h
      .insert(d.tables.logEntries)
      .values({ ...placeholders("campaignId", "minute", "signatureId", "how", "country"), kind: "add" })
      .prepare("countersign-log-add"),
  );
  return async (tx, counted, how, at) => {
    if (d.countLog) await insert(tx).execute({ ...counted, how, minute: unixMinute(at) });
  };
}

/** The counted signatures stopped counting now: each one's add gets a remove entry. */
export async function logRemovals(d: Dialect, tx: Handle, signatureIds: readonly number[], reason: RemoveReason, at: Date): Promise<void> {
  if (!d.countLog) return;
  const { logEntries } = d.tables;
  const minute = unixMinute(at);
  for (let i = 0; i < signatureIds.length; i += perStatement) {
    const ids = signatureIds.slice(i, i + perStatement);
    // An add is removed once (log_entries_one_removal): a signature counted again later has an add of its own.
    await d.run(
      tx,
      sql`insert into ${logEntries} (petition_id, kind, minute, cancels, reason)
        select a.petition_id, 'remove', ${minute}, a.id, ${reason} from ${logEntries} a
        where a.kind = 'add' and a.signature_id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})
          and not exists (select 1 from ${logEntries} r where r.cancels = a.id)`,
    );
  }
}
