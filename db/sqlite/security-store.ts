import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
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

export async function writeLoginThrottle(row: typeof loginThrottle.$inferInsert): Promise<void> {
  database()
    .orm.insert(loginThrottle)
    .values(row)
    .onConflictDoUpdate({ target: loginThrottle.key, set: row })
    .run();
}

export async function clearLoginThrottle(key: string): Promise<void> {
  database().orm.delete(loginThrottle).where(eq(loginThrottle.key, key)).run();
}
