import { and, count, eq, gt, sql } from "drizzle-orm";
import type { ChartStore, VerificationCounts } from "@/lib/domain/ports/charts";
import type { ChartFigures } from "./chart-figures";
import type { Dialect, Handle } from "./dialect";
import { perHandle } from "./dialect";

/**
 * The organisers' charts, counted by each dialect its own way (`figures`), and what the delivery
 * report reads beyond them, written once. Both of those go a bounded part at a time where a query
 * holds the process's one thread, so a report of a million names never holds it for long.
 */
export function chartStore(d: Dialect, figures: ChartFigures): ChartStore {
  const { signatures } = d.tables;

  const signerNames = perHandle((h: Handle) =>
    h
      .select({ id: signatures.id, fullName: signatures.fullName, country: signatures.country })
      .from(signatures)
      .where(and(eq(signatures.campaignId, sql.placeholder("campaignId")), eq(signatures.status, "confirmed"), gt(signatures.id, sql.placeholder("afterId"))))
      .orderBy(signatures.id)
      .limit(sql.placeholder("limit"))
      .prepare("countersign-signer-names"),
  );

  return {
    ...figures,

    listSignerNames: (campaignId, afterId, limit) => signerNames(d.read()).execute({ campaignId, afterId, limit }),

    async countVerification(campaignId) {
      const parts = await d.countInRanges(campaignId, (campaignRows) =>
        d
          .read()
          .select({
            byEmail: count(signatures.confirmedAt),
            withoutEmail: sql<number>`count(*) filter (where ${signatures.confirmedAt} is null and ${signatures.importId} is null)`.mapWith(Number),
            imported: count(signatures.importId),
          })
          .from(signatures)
          .where(and(campaignRows, eq(signatures.status, "confirmed"))),
      );
      const counts: VerificationCounts = { byEmail: 0, withoutEmail: 0, imported: 0 };
      for (const part of parts) {
        counts.byEmail += part.byEmail;
        counts.withoutEmail += part.withoutEmail;
        counts.imported += part.imported;
      }
      return counts;
    },
  };
}
