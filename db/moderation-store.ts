import { count, desc, eq, inArray } from "drizzle-orm";
import type { ModerationStore, SignatureFilter } from "@/lib/domain/ports/moderation";
import type { CountChange, Dialect } from "./dialect";
import { logAdds, logRemovals, type CountedSignature } from "./log-entries";
import { enqueueMailIn } from "./mail-store";
import { reasonsLeave, shownReasonsOf } from "./reason-rows";
import { signatureFilterWhere } from "./signature-filter";

// Ids per statement of a bulk change: well inside both databases' limits on bound values.
const idsPerStatement = 10_000;

const inGroups = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** Organisers' bulk judgements on signatures, the block list, and the audit log. */
export function moderationStore(d: Dialect): ModerationStore {
  const { auditEvents, blockedEmails, confirmations, signatures } = d.tables;
  const filterWhere = (filter: SignatureFilter) => signatureFilterWhere(signatures, filter);

  return {
    /** How many signatures the filter matches: the preview before a bulk change. */
    async countMatchingSignatures(filter) {
      const [row] = await d.read().select({ n: count() }).from(signatures).where(filterWhere(filter));
      return row?.n ?? 0;
    },

    /** Marks matching signatures invalid: kept for the audit, no longer counted, listed or exported. */
    invalidateSignatures: (filter, now) =>
      d.write(async (tx) => {
        // Locked as they are read, so the counts move by exactly the statuses the update changes.
        const found = await d.locked(tx.select({ id: signatures.id, status: signatures.status }).from(signatures).where(filterWhere(filter)));
        if (found.length === 0) return 0;
        const was = new Map(found.map((row) => [row.id, row.status]));
        const change: Required<CountChange> = { confirmed: 0, pending: 0 };
        let invalidated = 0;
        for (const ids of inGroups([...was.keys()], idsPerStatement)) {
          await reasonsLeave(d, tx, await shownReasonsOf(d, tx, ids), now);
          const changed = await tx
            .update(signatures)
            .set({ status: "invalidated", invalidatedAt: now })
            .where(inArray(signatures.id, ids))
            .returning({ id: signatures.id });
          await tx.delete(confirmations).where(inArray(confirmations.signatureId, changed.map((row) => row.id)));
          const uncounted: number[] = [];
          for (const { id } of changed) {
            const status = was.get(id);
            if (status === "confirmed" || status === "pending") change[status]--;
            if (status === "confirmed") uncounted.push(id);
          }
          await logRemovals(d, tx, uncounted, "invalidated", now);
          invalidated += changed.length;
        }
        await d.counts.move(tx, filter.campaignId, change, now);
        return invalidated;
      }),

    /** An organiser judged them real: each continues as `release` says, in one transaction with the counts. */
    releaseSuspected: (filter, release, now) =>
      d.write(async (tx) => {
        const found = await d.locked(
          tx
            .select({ id: signatures.id, fullName: signatures.fullName, email: signatures.email, emailKey: signatures.emailKey, locale: signatures.locale, country: signatures.country, receiptSalt: signatures.receiptSalt })
            .from(signatures)
            .where(filterWhere({ ...filter, suspected: true })),
        );
        const counted: CountedSignature[] = [];
        for (const signature of found) {
          const next = release(signature);
          if (next.kind === "count") {
            await tx.update(signatures).set({ status: "confirmed" }).where(eq(signatures.id, signature.id));
            counted.push({ campaignId: filter.campaignId, signatureId: signature.id, country: signature.country });
            continue;
          }
          await tx.update(signatures).set({ status: "pending" }).where(eq(signatures.id, signature.id));
          await tx.insert(confirmations).values({ signatureId: signature.id, ...next.confirmation, lastSentAt: now });
          await enqueueMailIn(d, tx, { ...next.mail, signatureId: signature.id }, now);
        }
        const confirmed = counted.length;
        if (found.length > 0) await d.counts.move(tx, filter.campaignId, { confirmed, pending: found.length - confirmed }, now);
        await logAdds(d, tx, counted, "open", now);
        return found.length;
      }),

    async addBlockedEmail(kind, value, createdBy, now) {
      const inserted = await d.statement((h) =>
        h.insert(blockedEmails).values({ kind, value, createdBy, createdAt: now }).onConflictDoNothing().returning({ id: blockedEmails.id }),
      );
      return inserted.length > 0;
    },

    async removeBlockedEmail(id) {
      await d.statement((h) => h.delete(blockedEmails).where(eq(blockedEmails.id, id)));
    },

    listBlockedEmails: () => d.read().select().from(blockedEmails).orderBy(blockedEmails.kind, blockedEmails.value),

    async recordAuditEvent(event) {
      await d.statement((h) => h.insert(auditEvents).values(event));
    },

    listAuditEvents: (limit) => d.read().select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(limit),
  };
}
