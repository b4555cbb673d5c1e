
/**
 * What the public is told of the signatures waiting for email confirmation: rounded down to a
 * step that grows with the figure, and refreshed only by the periodic job (lib/housekeeping.ts).
 * A new address's pending signature and a repeat both leave it where it was, so watching it
 * cannot tell an outsider whether an address had signed.
 */
export function roundedPendingFigure(pending: number): number {
  if (pending < 10) return 0;
  const step = pending < 1_000 ? 10 : pending < 10_000 ? 100 : 1_000;
  return Math.floor(pending / step) * step;
}

/** How often the published figure catches up with the real one. */
export const pendingFigureEveryMs = 10 * 60_000;

/** Brings every campaign's published figure up to date; returns how many campaigns' figure moved. */
export function publishPendingFigures(): Promise<number> {
  return stores().campaigns.publishPendingFigures(roundedPendingFigure);
}import { stores } from "./stores";

