import { RateLimiterPostgres, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { RateLimiterOptions } from "@/lib/store-contract";
import { database } from "./client";

/**
 * A rate-limiter-flexible limiter whose counts live in the rate_limits table (made by the
 * migrations, UNLOGGED so a consumed point writes no WAL), shared by every process on the database.
 */
export function rateLimiter({ name, points, durationSeconds, blockSeconds }: RateLimiterOptions): RateLimiterAbstract {
  return new RateLimiterPostgres({
    storeClient: database().pool,
    storeType: "pool",
    tableName: "rate_limits",
    tableCreated: true,
    // Expired keys are deleted by the daily retention job (lib/retention.ts), counted in the audit log.
    clearExpiredByTimeout: false,
    keyPrefix: name,
    points,
    duration: durationSeconds,
    blockDuration: blockSeconds ?? 0,
  });
}
