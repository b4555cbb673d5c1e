import { RateLimiterSQLite, type RateLimiterAbstract } from "rate-limiter-flexible";
import { lazy } from "@/lib/lazy";
import type { RateLimiterOptions } from "@/lib/store-contract";
import { databaseFile, openConnection } from "./client";

/**
 * The limiters' own connection. synchronous=NORMAL: a consumed point is one small write on the
 * signing path, and at FULL each would be an fsync of its own outside the group commit. In WAL
 * mode NORMAL still survives a crash of the app; a power cut may forget the last moments' counts,
 * which costs a limit a little, never a signature.
 */
const limiterConnection = lazy(() => openConnection(databaseFile(), { synchronous: "NORMAL" }));

/**
 * A rate-limiter-flexible limiter whose counts live in the database's rate_limits table (made by
 * the migrations), so every process on the database shares them and they outlive a restart.
 * Nothing is kept in this process's memory.
 */
export function rateLimiter({ name, points, durationSeconds, blockSeconds }: RateLimiterOptions): RateLimiterAbstract {
  return new RateLimiterSQLite({
    storeClient: limiterConnection(),
    storeType: "better-sqlite3",
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
