import { setImmediate as nextTurn } from "node:timers/promises";
import { and, eq, gt, gte, lt, max, min, sql } from "drizzle-orm";
import type { SignerName, VerificationCounts } from "@/lib/store-contract";
import { database, preparedStatements } from "./client";
import { signatures } from "./schema";

// What the delivery report reads beyond the charts' figures. Both reads go a bounded slice at a
// time, so a report of a million names never holds the process's one thread for long.

const statements = preparedStatements(({ orm }) => ({
  names: orm
    .select({ id: signatures.id, fullName: signatures.fullName, country: signatures.country })
    .from(signatures)
    .where(
      and(
        eq(signatures.campaignId, sql.placeholder("campaignId")),
        eq(signatures.status, "confirmed"),
        gt(signatures.id, sql.placeholder("afterId")),
      ),
    )
    .orderBy(signatures.id)
    .limit(sql.placeholder("limit"))
    .prepare(),
}));

export async function listSignerNames(campaignId: number, afterId: number, limit: number): Promise<SignerName[]> {
  return statements().names.all({ campaignId, afterId, limit });
}

const idsPerTurn = 20_000;

export async function countVerification(campaignId: number): Promise<VerificationCounts> {
  const { orm } = database();
  const [ends] = orm
    .select({ first: min(signatures.id), last: max(signatures.id) })
    .from(signatures)
    .where(eq(signatures.campaignId, campaignId))
    .all();
  const counts: VerificationCounts = { byEmail: 0, withoutEmail: 0, imported: 0 };
  if (ends?.first == null || ends.last == null) return counts;
  for (let from = ends.first; from <= ends.last; from += idsPerTurn) {
    const [row] = orm
      .select({
        byEmail: sql<number>`coalesce(sum(${signatures.confirmedAt} is not null), 0)`,
        withoutEmail: sql<number>`coalesce(sum(${signatures.confirmedAt} is null and ${signatures.importId} is null), 0)`,
        imported: sql<number>`coalesce(sum(${signatures.importId} is not null), 0)`,
      })
      .from(signatures)
      .where(
        and(
          eq(signatures.campaignId, campaignId),
          gte(signatures.id, from),
          lt(signatures.id, from + idsPerTurn),
          eq(signatures.status, "confirmed"),
        ),
      )
      .all();
    counts.byEmail += row?.byEmail ?? 0;
    counts.withoutEmail += row?.withoutEmail ?? 0;
    counts.imported += row?.imported ?? 0;
    await nextTurn();
  }
  return counts;
}
