import { eq, sql, type Placeholder } from "drizzle-orm";
import type { LimitCharge } from "@/lib/domain/ports/signatures";
import { perHandle, type Dialect, type Handle } from "./dialect";

/** Per charge, how long until its window ends when over budget, else undefined. Every try takes its point, even over; keys are
 * written in one sorted order, so two batches never wait on each other in a circle. */
export async function chargeLimits(d: Pick<Dialect, "tables" | "insertMany">, handle: Handle, charges: readonly LimitCharge[], now: Date): Promise<(number | undefined)[]> {
  if (charges.length === 0) return [];
  const { rateLimits } = d.tables;
  const nowMs = now.getTime();
  const perKey = new Map<string, { n: number; windowMs: number }>();
  for (const charge of charges) {
    const seen = perKey.get(charge.key);
    perKey.set(charge.key, { n: (seen?.n ?? 0) + 1, windowMs: charge.windowMs });
  }
  const rows = [...perKey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, { n, windowMs }]) => ({ key, points: n, expire: nowMs + windowMs }));
  // On the signing path: one prepared upsert a key where SQLite runs it, one statement for all where a round trip costs.
  const written = await d.insertMany(
    rows,
    (row) => upsertOne(d, handle).execute({ ...row, now: nowMs }),
    (all) => upsert(d, handle, all, nowMs),
  );
  const after = new Map(written.map((row) => [row.key, row]));
  const taken = new Map<string, number>();
  // The points each charge brought its key to: those before the batch, then one per charge in order.
  const reached = charges.map((charge) => {
    const rank = (taken.get(charge.key) ?? 0) + 1;
    taken.set(charge.key, rank);
    return after.get(charge.key)!.points - perKey.get(charge.key)!.n + rank;
  });
  // Only the try that first goes over locks (rate-limiter-flexible's blockDuration); later ones
  // wait out that lock rather than extend it.
  for (const [i, charge] of charges.entries()) {
    if (charge.blockMs === undefined || reached[i] !== charge.points + 1) continue;
    const expire = nowMs + charge.blockMs;
    await handle.update(rateLimits).set({ expire }).where(eq(rateLimits.key, charge.key));
    after.set(charge.key, { ...after.get(charge.key)!, expire });
  }
  return charges.map((charge, i) => (reached[i]! <= charge.points ? undefined : Math.max(0, (after.get(charge.key)!.expire ?? nowMs) - nowMs)));
}

type LimitRow = { key: string; points: number; expire: number };

/** A key whose window has ended starts a new one with the points brought; otherwise they add up. */
function takePoints(d: Pick<Dialect, "tables">, now: number | Placeholder) {
  const { rateLimits } = d.tables;
  const expired = sql`coalesce(${rateLimits.expire}, 0) <= ${now}`;
  return {
    target: rateLimits.key,
    set: {
      points: sql`case when ${expired} then excluded.points else ${rateLimits.points} + excluded.points end`,
      expire: sql`case when ${expired} then excluded.expire else ${rateLimits.expire} end`,
    },
  };
}

function upsert(d: Pick<Dialect, "tables">, handle: Handle, rows: readonly LimitRow[], now: number) {
  const { rateLimits } = d.tables;
  return handle
    .insert(rateLimits)
    .values([...rows])
    .onConflictDoUpdate(takePoints(d, now))
    .returning({ key: rateLimits.key, points: rateLimits.points, expire: rateLimits.expire });
}

// The one-key upsert prepared once per handle (per connection on SQLite), for each dialect in use.
const prepared = new WeakMap<Pick<Dialect, "tables">, ReturnType<typeof prepareOne>>();
function prepareOne(d: Pick<Dialect, "tables">) {
  const { rateLimits } = d.tables;
  return perHandle((h) =>
    h
      .insert(rateLimits)
      .values({ key: sql.placeholder("key"), points: sql.placeholder("points"), expire: sql.placeholder("expire") })
      .onConflictDoUpdate(takePoints(d, sql.placeholder("now")))
      .returning({ key: rateLimits.key, points: rateLimits.points, expire: rateLimits.expire })
      .prepare("countersign-limit-charge"),
  );
}
function upsertOne(d: Pick<Dialect, "tables">, handle: Handle) {
  let build = prepared.get(d);
  if (!build) prepared.set(d, (build = prepareOne(d)));
  return build(handle);
}
