import type { Pool } from "pg";
import type { NewSignature } from "@/lib/domain/model";
import { nameKey } from "@/lib/domain/name-key";
import type { InsertOutcome, LimitCharge } from "@/lib/domain/ports/signatures";
import { chargeLimits } from "../limits";
import type { Handle, Tables } from "../dialect";

type Waiting = { values: NewSignature; limits: readonly LimitCharge[]; resolve: (outcome: InsertOutcome | undefined) => void; reject: (error: unknown) => void };

// Signatures arriving in one turn of the event loop go in one statement, so a surge costs one round trip and one commit
// (one WAL flush) per batch rather than per signature; each caller is answered once its signature is committed.
const maxBatch = 200;

/** Resolves undefined for an address that had signed (or twice in one batch): the caller then decides the repeat on the
 * careful path, its limits already taken. */
export function batchedInserts(pool: Pool, tables: Tables, handle: Handle, countLog: boolean) {
  let queue: Waiting[] = [];

  const flush = (): void => {
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    void settle(batch);
  };

  const settle = async (batch: Waiting[]): Promise<void> => {
    let allowed: Waiting[];
    try {
      allowed = await withinLimits(batch);
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    // The first of two with one address goes in the statement; the other is a repeat, decided apart.
    const seen = new Set<string>();
    const first: Waiting[] = [];
    for (const waiting of allowed) {
      const key = `${waiting.values.campaignId} ${waiting.values.emailKey}`;
      if (seen.has(key)) waiting.resolve(undefined);
      else {
        seen.add(key);
        first.push(waiting);
      }
    }
    if (first.length === 0) return;
    insertMany(pool, first.map((w) => w.values), countLog).then(
      (outcomes) => first.forEach((w, i) => w.resolve(outcomes[i])),
      (error: unknown) => first.forEach((w) => w.reject(error)),
    );
  };

  /** Takes every limit of the batch in one statement; a signature over any of its limits is answered at once. */
  const withinLimits = async (batch: Waiting[]): Promise<Waiting[]> => {
    const charges = batch.flatMap((w) => w.limits);
    if (charges.length === 0) return batch;
    const verdicts = await chargeLimits({ tables, insertMany: async (rows, _each, all) => all(rows) }, handle, charges, new Date());
    let next = 0;
    return batch.filter((waiting) => {
      const mine = verdicts.slice(next, (next += waiting.limits.length)).filter((v): v is number => v !== undefined);
      if (mine.length === 0) return true;
      waiting.resolve({ kind: "limited", retryAfterMs: Math.max(...mine) });
      return false;
    });
  };

  return (values: NewSignature, limits: readonly LimitCharge[]): Promise<InsertOutcome | undefined> =>
    new Promise((resolve, reject) => {
      queue.push({ values, limits, resolve, reject });
      if (queue.length === 1) setImmediate(flush);
      else if (queue.length >= maxBatch) flush();
    });
}

async function insertMany(pool: Pool, rows: NewSignature[], countLog: boolean): Promise<(InsertOutcome | undefined)[]> {
  const column = <T>(pick: (row: NewSignature) => T) => rows.map(pick);
  const { rows: stored } = await pool.query<{ ord: string; id: number | null; number: string | null; next: string | null }>({
    name: "countersign-insert-batch",
    text: `with input as (
             select * from unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
               $9::boolean[], $10::boolean[], $11::text[], $12::int[], $13::timestamptz[], $14::text[], $15::int[], $16::text[], $17::text[])
               with ordinality as u(petition_id, status, full_name, email, email_key, email_domain, country, comment,
                 show_name, wants_updates, client_address, fill_ms, signed_at, locale, referrer_id, name_key, receipt_salt, ord)
           ), inserted as (
             insert into signatures (petition_id, status, full_name, email, email_key, email_domain, country, comment,
               show_name, wants_updates, client_address, fill_ms, signed_at, locale, referrer_id, name_key, receipt_salt)
             select petition_id, status, full_name, email, email_key, email_domain, country, comment,
               show_name, wants_updates, client_address, fill_ms, signed_at, locale, referrer_id, name_key, receipt_salt
             -- One order for every batch, so two batches holding the same new addresses never wait on each other in a circle.
             from input order by petition_id, email_key
             on conflict (petition_id, email_key) do nothing
             returning id, petition_id, email_key, status, country, signed_at
           ), logged as (
             -- Each counted signature's add in the count log, as db/log-entries.ts writes it on the careful path.
             insert into log_entries (petition_id, kind, minute, signature_id, how, country)
             select petition_id, 'add', floor(extract(epoch from signed_at) / 60)::int, id, 'open', country
             from inserted where status = 'confirmed' and $18::boolean
           ), counted as (
             insert into count_deltas (petition_id, confirmed, pending)
             select petition_id, count(*) filter (where status = 'confirmed'), count(*) filter (where status = 'pending')
             from inserted where status in ('confirmed', 'pending') group by petition_id
           ), numbered as (
             select s.id, s.petition_id, s.email_key,
               case when s.status = 'confirmed' then nextval(('signer_numbers_' || s.petition_id)::regclass) end as number
             from inserted s
           )
           select i.ord, n.id, n.number,
             case when n.id is not null and n.number is null then
               (select coalesce(q.last_value, 0) + 1 from pg_sequences q
                where q.schemaname = current_schema() and q.sequencename = 'signer_numbers_' || i.petition_id) end as next
           from input i left join numbered n on n.petition_id = i.petition_id and n.email_key = i.email_key
           order by i.ord`,
    values: [
      column((r) => r.campaignId),
      column((r) => r.status),
      column((r) => r.fullName),
      column((r) => r.email),
      column((r) => r.emailKey),
      column((r) => r.emailDomain),
      column((r) => r.country),
      column((r) => r.comment ?? null),
      column((r) => r.showName ?? false),
      column((r) => r.wantsUpdates ?? false),
      column((r) => r.clientAddress ?? null),
      column((r) => r.fillMs ?? null),
      column((r) => r.signedAt),
      column((r) => r.locale ?? "en"),
      column((r) => r.referrerId ?? null),
      column((r) => nameKey(r.fullName)),
      column((r) => r.receiptSalt),
      countLog,
    ],
  });
  return stored.map((row) =>
    row.id === null
      ? undefined
      : { kind: "signed", signatureId: row.id, signerNumber: row.number === null ? Number(row.next) : Number(row.number) },
  );
}
