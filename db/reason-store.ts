import { and, count, desc, eq, gte, inArray, sql } from "drizzle-orm";
import type { ReasonStore } from "@/lib/domain/ports/reasons";
import type { ReasonSettings } from "@/lib/domain/reasons";
import type { Dialect } from "./dialect";
import { chargeLimits } from "./limits";
import { reasonsLeave } from "./reason-rows";

/** Signers' reasons: the wall, readers' marks, and the organisers' decisions. */
export function reasonStore(d: Dialect): ReasonStore {
  const { campaigns, reasonMarks, reasons, reasonsGone, signatures } = d.tables;
  const row = {
    id: reasons.id,
    text: reasons.text,
    shownAs: reasons.shownAs,
    fullName: signatures.fullName,
    country: signatures.country,
    agrees: reasons.agrees,
    createdAt: reasons.createdAt,
  };
  // Shown by moderation, and only while the signature counts: never a pending, suspected or invalidated one's.
  const onPage = (campaignId: number) => and(eq(reasons.campaignId, campaignId), eq(reasons.state, "shown"), eq(signatures.status, "confirmed"));

  return {
    async readReasonSettings(campaignId) {
      const [found] = await d
        .read()
        .select({ moderation: campaigns.reasonModeration, reportLimit: campaigns.reasonReportLimit, words: campaigns.reasonBlockedWords })
        .from(campaigns)
        .where(eq(campaigns.id, campaignId));
      if (!found) throw new Error(`no campaign ${campaignId} to read reason settings of`);
      return { moderation: found.moderation, reportLimit: found.reportLimit, blockedWords: found.words.split("\n").filter(Boolean) };
    },

    async saveReasonSettings(campaignId, settings: ReasonSettings) {
      await d.statement((h) =>
        h
          .update(campaigns)
          .set({ reasonModeration: settings.moderation, reasonReportLimit: settings.reportLimit, reasonBlockedWords: settings.blockedWords.join("\n") })
          .where(eq(campaigns.id, campaignId)),
      );
    },

    async listShownReasons(campaignId, order, offset, limit) {
      const h = d.read();
      const rows = await h
        .select(row)
        .from(reasons)
        .innerJoin(signatures, eq(signatures.id, reasons.signatureId))
        .where(onPage(campaignId))
        .orderBy(...(order === "supported" ? [desc(reasons.agrees), desc(reasons.id)] : [desc(reasons.id)]))
        .limit(limit)
        .offset(offset);
      const [total] = await h.select({ n: count() }).from(reasons).innerJoin(signatures, eq(signatures.id, reasons.signatureId)).where(onPage(campaignId));
      return { rows, total: total?.n ?? 0 };
    },

    async findShownReason(campaignId, reasonId) {
      const [found] = await d
        .read()
        .select(row)
        .from(reasons)
        .innerJoin(signatures, eq(signatures.id, reasons.signatureId))
        .where(and(eq(reasons.id, reasonId), onPage(campaignId)));
      return found;
    },

    async listGoneReasons(campaignId, since, limit) {
      const rows = await d
        .read()
        .select({ id: reasonsGone.reasonId })
        .from(reasonsGone)
        .where(and(eq(reasonsGone.campaignId, campaignId), gte(reasonsGone.goneAt, since)))
        .orderBy(desc(reasonsGone.id))
        .limit(limit);
      return rows.map((gone) => gone.id);
    },

    listReasonQueue: (campaignId, states, limit) =>
      d
        .read()
        .select({ ...row, state: reasons.state, reports: reasons.reports, signatureId: reasons.signatureId, signatureStatus: signatures.status })
        .from(reasons)
        .innerJoin(signatures, eq(signatures.id, reasons.signatureId))
        .where(and(eq(reasons.campaignId, campaignId), inArray(reasons.state, [...states])))
        .orderBy(desc(reasons.id))
        .limit(limit),

    decideReasons: (campaignId, slug, ids, state, now) =>
      d.write(async (tx) => {
        if (ids.length === 0) return [];
        const found = await d.locked(
          tx
            .select({ id: reasons.id, state: reasons.state, signatureId: reasons.signatureId, counts: sql<boolean>`${signatures.status} = 'confirmed'` })
            .from(reasons)
            .innerJoin(signatures, eq(signatures.id, reasons.signatureId))
            .where(and(eq(reasons.campaignId, campaignId), inArray(reasons.id, [...ids]))),
          { of: reasons },
        );
        if (found.length === 0) return [];
        const leaving = found.filter((reason) => reason.state === "shown" && state === "hidden" && reason.counts).map((reason) => ({ id: reason.id, campaignId }));
        await reasonsLeave(d, tx, leaving, now);
        await tx
          .update(reasons)
          .set(state === "shown" ? { state, approvedAt: now } : { state })
          .where(inArray(reasons.id, found.map((reason) => reason.id)));
        // One that arrives on the page: open pages hear of it with the next snapshot.
        if (leaving.length === 0 && found.some((reason) => reason.state !== "shown" && state === "shown" && reason.counts)) {
          await tx.update(campaigns).set({ revision: sql`${campaigns.revision} + 1` }).where(eq(campaigns.id, campaignId));
          await d.announce(tx, slug);
        }
        return found.map((reason) => reason.signatureId);
      }),

    markReason: (campaignId, reasonId, kind, mark, limits, holdAfter, now) =>
      d.write(async (tx) => {
        const [found] = await d.locked(
          tx
            .select({ id: reasons.id, state: reasons.state, reports: reasons.reports, approvedAt: reasons.approvedAt })
            .from(reasons)
            .innerJoin(signatures, eq(signatures.id, reasons.signatureId))
            .where(and(eq(reasons.id, reasonId), onPage(campaignId))),
          { of: reasons },
        );
        if (!found) return { kind: "unknown" as const };
        const over = (await chargeLimits(d, tx, limits, now)).filter((ms): ms is number => ms !== undefined);
        if (over.length > 0) return { kind: "limited" as const, retryAfterMs: Math.max(...over) };
        const inserted = await tx.insert(reasonMarks).values({ reasonId, kind, mark }).onConflictDoNothing().returning({ reasonId: reasonMarks.reasonId });
        if (inserted.length === 0) return { kind: "repeat" as const };
        const column = kind === "agree" ? reasons.agrees : reasons.reports;
        await tx.update(reasons).set({ [kind === "agree" ? "agrees" : "reports"]: sql`${column} + 1` }).where(eq(reasons.id, reasonId));
        // Readers' reports hold a reason an organiser has not approved, until one decides.
        const held = kind === "report" && holdAfter !== undefined && found.approvedAt === null && found.reports + 1 >= holdAfter;
        if (held) {
          await reasonsLeave(d, tx, [{ id: reasonId, campaignId }], now);
          await tx.update(reasons).set({ state: "waiting" }).where(eq(reasons.id, reasonId));
        }
        return { kind: "counted" as const, held };
      }),
  };
}
