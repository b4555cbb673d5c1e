import type { RateLimiterAbstract } from "rate-limiter-flexible";

export type RateLimiterOptions = { name: string; points: number; durationSeconds: number; blockSeconds?: number };

/** Limits, periodic jobs and retention: what keeps the database small and the load fair. */
export interface HousekeepingStore {
  rateLimiter(options: RateLimiterOptions): RateLimiterAbstract;
  /** True for exactly one caller, in any process, once every `everyMs`. */
  claimJobRun(name: string, everyMs: number, now: Date): Promise<boolean>;
  deleteUnconfirmable(now: Date, linkLifetimeMs: number): Promise<number>;
  clearClientAddresses(before: Date): Promise<number>;
  deleteOldMail(sentBefore: Date, failedBefore: Date): Promise<number>;
  deleteExpiredLimits(now: Date): Promise<number>;
}
