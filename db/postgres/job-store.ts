import { sql } from "drizzle-orm";
import { database } from "./client";
import { jobRuns } from "./schema";

/**
 * Claims this run of a periodic job when it last ran at least `everyMs` before `now`: one upsert,
 * so of several processes asking at once exactly one gets it. True when claimed.
 */
export async function claimJobRun(name: string, everyMs: number, now: Date): Promise<boolean> {
  const claimed = await database()
    .orm.insert(jobRuns)
    .values({ name, lastRunAt: now })
    .onConflictDoUpdate({
      target: jobRuns.name,
      set: { lastRunAt: now },
      setWhere: sql`${jobRuns.lastRunAt} <= ${new Date(now.getTime() - everyMs)}`,
    })
    .returning({ name: jobRuns.name });
  return claimed.length > 0;
}
