// The reasons wall as the public sees it: pages of shown reasons, one reason, and what the live stream carries. Apart from
// lib/reasons.ts (signers', readers' and organisers' changes), since the stream's snapshot reads it and those changes tell the stream.
import { z } from "zod";
import type { ReasonRow } from "./domain/ports/reasons";
import { reasonOrders, type LiveReasons, type PublicReason, type ReasonOrder, type ReasonPage } from "./domain/reasons";
import { publicName } from "./public-name";
import { stores } from "./stores";

export const reasonsPerPage = 10;
/** How many of the newest reasons every snapshot carries, for open pages to add as they arrive. */
export const liveReasonsShown = 5;
/** How far back the stream tells open pages of reasons that left: a page away longer reloads its snapshot anyway. */
const goneWindowMs = 60 * 60 * 1000;

export function publicReason(row: ReasonRow): PublicReason {
  return {
    id: row.id,
    text: row.text,
    name: row.shownAs === "name" ? publicName(row.fullName) : null,
    country: row.country,
    agrees: row.agrees,
    createdAt: row.createdAt.toISOString(),
  };
}

export const reasonPageQuery = z.object({
  reasons: z.enum(reasonOrders).catch("newest"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

/** A page of the wall, newest first or most supported first. */
export async function reasonPage(campaignId: number, order: ReasonOrder, page: number): Promise<ReasonPage> {
  const { rows, total } = await stores().reasons.listShownReasons(campaignId, order, (page - 1) * reasonsPerPage, reasonsPerPage);
  return { reasons: rows.map(publicReason), order, page, hasMore: page * reasonsPerPage < total, total };
}

/** One reason as the page shows it, or undefined once it is no longer shown. */
export async function shownReason(campaignId: number, reasonId: number): Promise<PublicReason | undefined> {
  const found = await stores().reasons.findShownReason(campaignId, reasonId);
  return found && publicReason(found);
}

/** What every snapshot of the live stream carries: the newest reasons, and those that left the page lately. */
export async function liveReasons(campaignId: number, now = new Date()): Promise<LiveReasons> {
  const [{ rows }, gone] = await Promise.all([
    stores().reasons.listShownReasons(campaignId, "newest", 0, liveReasonsShown),
    stores().reasons.listGoneReasons(campaignId, new Date(now.getTime() - goneWindowMs), 200),
  ]);
  return { newest: rows.map(publicReason), gone };
}
