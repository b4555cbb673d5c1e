import type { LimitCharge } from "./signatures";

/** Limits, periodic jobs and retention: what keeps the database small and the load fair. */
export interface HousekeepingStore {
  /**
   * Takes one point for each charge from the budgets in rate_limits, in one transaction; for each,
   * how long until its window (or lock) ends when it was over, or undefined when it was allowed.
   */
  chargeLimits(charges: readonly LimitCharge[], now: Date): Promise<(number | undefined)[]>;
  /**
   * The same for stages of charges, in one transaction, stopping after the first stage with a charge
   * over: a later stage counts only what the earlier ones let through. One answer per stage taken.
   */
  chargeLimitsInTurn(stages: readonly (readonly LimitCharge[])[], now: Date): Promise<(number | undefined)[][]>;
  /** Forgets the points a key has spent. */
  clearLimit(key: string): Promise<void>;
  /** Gives back points spent in the key's current window; a window already over has nothing to give back. */
  refundLimit(key: string, points: number, now: Date): Promise<void>;
  /** True for exactly one caller, in any process, once every `everyMs`. */
  claimJobRun(name: string, everyMs: number, now: Date): Promise<boolean>;
  deleteUnconfirmable(now: Date, linkLifetimeMs: number): Promise<number>;
  clearClientAddresses(before: Date): Promise<number>;
  deleteOldMail(sentBefore: Date, failedBefore: Date): Promise<number>;
  deleteExpiredLimits(now: Date): Promise<number>;
}
