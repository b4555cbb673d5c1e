import { eq, sql } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type { FigureKeeper, Handle } from "../dialect";
import * as schema from "./schema";

const { campaignFigures, figureDeltas } = schema;

/** The figures as of the last fold (folder.ts) and the deltas the triggers wrote since, spread over the kinds, read together. */
export function postgresFigures(asOrm: (handle: Handle) => NodePgDatabase<typeof schema>): FigureKeeper {
  return {
    kept: sql`(select petition_id, kind, bucket, status, count from ${campaignFigures}
      union all select d.petition_id, f.kind, f.bucket, d.status, d.count from ${figureDeltas} d
      cross join lateral figure_delta_kinds(d.hour, d.country, d.fill, d.referrer_id, d.verified_by) f)`,
    async hold(tx) {
      // SHARE: readers go on, every insert, update and delete of a signature waits.
      await asOrm(tx).execute(sql`lock table ${schema.signatures} in share mode`);
    },
    async forgetUnfolded(tx, campaignId) {
      await tx.delete(figureDeltas).where(eq(figureDeltas.campaignId, campaignId));
    },
  };
}
