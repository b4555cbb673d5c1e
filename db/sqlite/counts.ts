import { eq, sql } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type { CountKeeper } from "../dialect";
import * as schema from "./schema";

type Orm = BetterSQLite3Database<typeof schema>;
const { campaigns } = schema;

/**
 * Each campaign's counts live in its own row, moved by the transaction that changed its signatures
 * (SQLite has one writer, so no signature ever waits for another's row lock), and read with one
 * primary-key lookup however many signatures there are.
 */
export function sqliteCounts(writer: Orm): CountKeeper {
  // Prepared on first use, once the migrations have made the table.
  let prepared: ReturnType<typeof prepare> | undefined;
  const statements = () => (prepared ??= prepare());
  const prepare = () => ({ moveCounts: prepareMove(), nextNumber: prepareNext() });
  const prepareMove = () => writer
    .update(campaigns)
    .set({
      signatureCount: sql`${campaigns.signatureCount} + ${sql.placeholder("confirmed")}`,
      pendingCount: sql`${campaigns.pendingCount} + ${sql.placeholder("pending")}`,
      // Each newly confirmed signature takes the next signer number; a withdrawal gives none back.
      signerNumbersIssued: sql`${campaigns.signerNumbersIssued} + max(${sql.placeholder("confirmed")}, 0)`,
      // Only a change the public sees moves the revision and the time: a new pending signature
      // moving them, where a repeat would not, would tell an outsider which one it was.
      revision: sql`${campaigns.revision} + (${sql.placeholder("confirmed")} != 0)`,
      updatedAt: sql`case when ${sql.placeholder("confirmed")} != 0 then ${sql.placeholder("now")} else ${campaigns.updatedAt} end`,
    })
    .where(eq(campaigns.id, sql.placeholder("campaignId")))
    .returning({ signerNumbersIssued: campaigns.signerNumbersIssued })
    .prepare();
  const prepareNext = () => writer
    .select({ next: sql<number>`${campaigns.signerNumbersIssued} + 1` })
    .from(campaigns)
    .where(eq(campaigns.id, sql.placeholder("campaignId")))
    .prepare();

  return {
    async move(_tx, campaignId, change, now) {
      // A prepared statement belongs to the connection, and on SQLite the transaction is the
      // writer connection's: this runs inside the caller's transaction.
      const [row] = statements().moveCounts.all({ campaignId, confirmed: change.confirmed ?? 0, pending: change.pending ?? 0, now: now.getTime() });
      if (!row) throw new Error(`campaign ${campaignId} vanished while its count was changing`);
      return row.signerNumbersIssued;
    },
    async nextSignerNumber(_handle, campaignId) {
      return statements().nextNumber.all({ campaignId })[0]?.next ?? 1;
    },
    async prepare() {},
    confirmedCount: sql<number>`${campaigns.signatureCount}`.mapWith(Number),
    pendingCount: sql<number>`${campaigns.pendingCount}`.mapWith(Number),
  };
}
