import { createHash, randomBytes } from "node:crypto";
import { deleteExpiredSessions, deleteSession, findSessionOrganiser, insertSession } from "@/db/store";

export const sessionLifetimeMs = 12 * 60 * 60 * 1000;

// __Host- makes the browser insist on Secure, Path=/ and no Domain, so no subdomain can plant one.
export const sessionCookieName = "__Host-countersign-session";

const sessionId = (token: string) => createHash("sha256").update(token).digest("hex");

/** A fresh session for a signed-in organiser; the token goes in the cookie, only its hash is stored. */
export async function startSession(organiserId: number, now = new Date()) {
  await deleteExpiredSessions(now);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + sessionLifetimeMs);
  await insertSession({ id: sessionId(token), organiserId, createdAt: now, expiresAt });
  return { token, expiresAt };
}

export async function sessionOrganiser(token: string | undefined) {
  if (!token) return undefined;
  return findSessionOrganiser(sessionId(token));
}

export async function endSession(token: string | undefined): Promise<void> {
  if (token) await deleteSession(sessionId(token));
}
