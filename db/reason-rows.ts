import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { NewReason } from "@/lib/domain/reasons";
import type { Dialect, Handle } from "./dialect";

// What other stores' transactions do to reasons: the signing path stores one, and a signature that stops counting (withdrawn,
// erased, invalidated) takes its reason off every open page in the same transaction.

/** How long an id stays in reasons_gone: open pages hear of a removal from their stream within seconds; a day is ample. */
const goneKeptMs = 24 * 60 * 60 * 1000;

export async function insertReason(d: Pick<Dialect, "tables">, tx: Handle, campaignId: number, signatureId: number, reason: NewReason, now: Date): Promise<void> {
  const { reasons } = d.tables;
  await tx
    .insert(reasons)
    .values({ campaignId, signatureId, text: reason.text, shownAs: reason.shownAs, state: reason.state, createdAt: now })
    .onConflictDoUpdate({ target: reasons.signatureId, set: { text: reason.text, shownAs: reason.shownAs, state: reason.state, reports: 0, agrees: 0, approvedAt: null, createdAt: now } });
}

/**
 * Records that these reasons left the page, and moves their campaigns' revisions and tells every process, so each live hub
 * sends open pages the removal and the page cache drops its copies. Called before the change, with the reasons still there.
 */
export async function reasonsLeave(d: Pick<Dialect, "tables" | "announce">, tx: Handle, found: readonly { id: number; campaignId: number }[], now: Date): Promise<void> {
  if (found.length === 0) return;
  const { campaigns, reasonsGone } = d.tables;
  await tx.insert(reasonsGone).values(found.map((reason) => ({ campaignId: reason.campaignId, reasonId: reason.id, goneAt: now })));
  await tx.delete(reasonsGone).where(lt(reasonsGone.goneAt, new Date(now.getTime() - goneKeptMs)));
  const campaignIds = [...new Set(found.map((reason) => reason.campaignId))];
  const moved = await tx
    .update(campaigns)
    .set({ revision: sql`${campaigns.revision} + 1` })
    .where(inArray(campaigns.id, campaignIds))
    .returning({ slug: campaigns.slug });
  for (const { slug } of moved) await d.announce(tx, slug);
}

/** The shown reasons of these signatures whose signature counts: the ones the public can see now. */
export async function shownReasonsOf(d: Pick<Dialect, "tables">, tx: Handle, signatureIds: readonly number[]): Promise<{ id: number; campaignId: number }[]> {
  if (signatureIds.length === 0) return [];
  const { reasons, signatures } = d.tables;
  return tx
    .select({ id: reasons.id, campaignId: reasons.campaignId })
    .from(reasons)
    .innerJoin(signatures, eq(signatures.id, reasons.signatureId))
    .where(and(inArray(reasons.signatureId, [...signatureIds]), eq(reasons.state, "shown"), eq(signatures.status, "confirmed")));
}
