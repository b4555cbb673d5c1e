import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { database } from "./client";
import { appSecrets, loginThrottle } from "./schema";

/** A secret made once per database and kept in it, for signing tokens that must survive restarts. */
export async function appSecret(name: string): Promise<string> {
  const { orm } = database();
  orm.insert(appSecrets).values({ name, value: randomBytes(32).toString("base64url") }).onConflictDoNothing().run();
  return orm.select({ value: appSecrets.value }).from(appSecrets).where(eq(appSecrets.name, name)).get()!.value;
}

export async function readLoginThrottle(key: string) {
  return database().orm.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
}

/**
 * Counts one failed sign-in for a key in a single statement, so failures arriving together are all
 * counted: a new window starts once the old one has passed, and reaching the limit sets the lock.
 */
export async function countLoginFailure(
  key: string,
  now: Date,
  limit: { failures: number; windowMs: number; lockMs: number },
): Promise<void> {
  const t = now.getTime();
  const lockUntil = t + limit.lockMs;
  const windowOver = sql`${t} - ${loginThrottle.windowStartedAt} >= ${limit.windowMs}`;
  const failures = sql`case when ${windowOver} then 1 else ${loginThrottle.failures} + 1 end`;
  database()
    .orm.insert(loginThrottle)
    .values({ key, failures: 1, windowStartedAt: now, lockedUntil: limit.failures <= 1 ? new Date(lockUntil) : null })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures,
        windowStartedAt: sql`case when ${windowOver} then ${t} else ${loginThrottle.windowStartedAt} end`,
        lockedUntil: sql`case when ${failures} >= ${limit.failures} then ${lockUntil} else ${loginThrottle.lockedUntil} end`,
      },
    })
    .run();
}

export async function clearLoginThrottle(key: string): Promise<void> {
  database().orm.delete(loginThrottle).where(eq(loginThrottle.key, key)).run();
}
