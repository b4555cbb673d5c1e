import { and, eq, gt, lte, sql } from "drizzle-orm";
import type { HousekeepingStore } from "@/lib/domain/ports/housekeeping";
import type { Dialect } from "./dialect";
import { chargeLimits } from "./limits";
import { retentionStore } from "./retention-store";

/** Limits, periodic jobs and retention; the limits live in rate_limits, not in memory, so every process shares them. */
export function housekeepingStore(d: Dialect): HousekeepingStore {
  const { jobRuns, rateLimits } = d.tables;

  return {
    chargeLimits: (charges, now) => d.write((tx) => chargeLimits(d, tx, charges, now)),

    chargeLimitsInTurn: (stages, now) =>
      d.write(async (tx) => {
        const answers: (number | undefined)[][] = [];
        for (const stage of stages) {
          const answer = await chargeLimits(d, tx, stage, now);
          answers.push(answer);
          if (answer.some((ms) => ms !== undefined)) break;
        }
        return answers;
      }),

    async clearLimit(key) {
      await d.statement((h) => h.delete(rateLimits).where(eq(rateLimits.key, key)));
    },

    async refundLimit(key, points, now) {
      await d.statement((h) =>
        h
          .update(rateLimits)
          .set({ points: sql`${rateLimits.points} - ${points}` })
          .where(and(eq(rateLimits.key, key), gt(rateLimits.expire, now.getTime()))),
      );
    },

    /** One upsert, so of several processes asking at once exactly one claims the run. */
    async claimJobRun(name, everyMs, now) {
      const claimed = await d.statement((h) =>
        h
          .insert(jobRuns)
          .values({ name, lastRunAt: now })
          .onConflictDoUpdate({ target: jobRuns.name, set: { lastRunAt: now }, setWhere: lte(jobRuns.lastRunAt, new Date(now.getTime() - everyMs)) })
          .returning({ name: jobRuns.name }),
      );
      return claimed.length > 0;
    },

    ...retentionStore(d),
  };
}
