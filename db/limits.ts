import { eq, sql } from "drizzle-orm";
import type { LimitCharge } from "@/lib/domain/ports/signatures";
import type { Handle, Tables } from "./dialect";

/**
 * Takes one point for each charge from the shared budgets in rate_limits, in the caller's
 * transaction (or statement batch), and says for each whether it was over its budget: how long
 * until the window ends, or undefined when it was allowed. Points are taken even when over, as
 * every try counts. Several charges of one key are counted in order, in one row write; keys are
 * written in one order everywhere, so two batches never wait on each other in a circle. A charge
 * with `blockMs` that goes over locks its key from now, in the same transaction.
 */
export async function chargeLimits(tables: Tables, handle: Handle, charges: readonly LimitCharge[], now: Date): Promise<(number | undefined)[]> {
  if (charges.length === 0) return [];
  const { rateLimits } = tables;
  const nowMs = now.getTime();
  const perKey = new Map<string, { n: number; windowMs: number }>();
  for (const charge of charges) {
    const seen = perKey.get(charge.key);
    perKey.set(charge.key, { n: (seen?.n ?? 0) + 1, windowMs: charge.windowMs });
  }
  const rows = [...perKey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, { n, windowMs }]) => ({ key, points: n, expire: nowMs + windowMs }));
  const expired = sql`coalesce(${rateLimits.expire}, 0) <= ${nowMs}`;
  const written = await handle
    .insert(rateLimits)
    .values(rows)
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        points: sql`case when ${expired} then excluded.points else ${rateLimits.points} + excluded.points end`,
        expire: sql`case when ${expired} then excluded.expire else ${rateLimits.expire} end`,
      },
    })
    .returning({ key: rateLimits.key, points: rateLimits.points, expire: rateLimits.expire });
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
