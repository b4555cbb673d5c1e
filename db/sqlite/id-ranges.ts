import { eq, max, min } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as schema from "./schema";

type Orm = BetterSQLite3Database<typeof schema>;
const { signatures } = schema;

/** A campaign's lowest and highest signature ids, if it has any. */
export type IdSpan = { first: number; last: number };

/** The span of a campaign's ids, which the export's workers divide between them. */
export function idRanges(reader: () => Orm) {
  /**
   * The campaign's lowest or highest id: asked apart, since SQLite finds a lone min() or max() at
   * one end of signatures_by_petition (petition_id, id) but reads the whole range for both at once.
   */
  function endId(campaignId: number, end: typeof min): number | null {
    const [row] = reader().select({ id: end(signatures.id) }).from(signatures).where(eq(signatures.campaignId, campaignId)).all();
    return row?.id ?? null;
  }

  return {
    span(campaignId: number): IdSpan | undefined {
      const first = endId(campaignId, min);
      const last = first === null ? null : endId(campaignId, max);
      return first === null || last === null ? undefined : { first, last };
    },
  };
}
