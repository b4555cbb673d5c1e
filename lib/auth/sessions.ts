import { stores } from "@/lib/stores";
import { createHash, randomBytes } from "node:crypto";

export const sessionLifetimeMs = 12 * 60 * 60 * 1000;

// __Host- makes the browser insist on Secure, Path=/ and no Domain, so no subdomain can plant one.
export const sessionCookieName = "__Host-countersign-session";

const sessionId = (token: string) => createHash("sha256").update(token).digest("hex");

/** A fresh session for a signed-in organiser; the token goes in the cookie, only its hash is stored. */
export async function startSession(organiserId: number, now = new Date()) {
  await stores().organisers.deleteExpiredSessions(now);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + sessionLifetimeMs);
  await stores().organisers.insertSession({ id: sessionId(token), organiserId, createdAt: now, expiresAt });
  return { token, expiresAt };
}

export async function sessionOrganiser(token: string | undefined) {
  if (!token) return undefined;
  return stores().organisers.findSessionOrganiser(sessionId(token));
}

export async function endSession(token: string | undefined): Promise<void> {
  if (token) await stores().organisers.deleteSession(sessionId(token));
}
