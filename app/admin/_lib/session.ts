import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { isSameOrigin } from "@/lib/auth/origin";
import { can, type Action } from "@/lib/domain/roles";
import { loginBrowserCookie } from "@/lib/auth/login-throttle";
import { endSession, sessionOrganiser, sessionCookieName, startSession } from "@/lib/auth/sessions";
import { expectedOrigin } from "../../_lib/request";

/** The signed-in organiser, with their role, checked against the database on every call, or undefined. */
export async function currentOrganiser() {
  return sessionOrganiser((await cookies()).get(sessionCookieName)?.value);
}

async function requireOrganiser() {
  const organiser = await currentOrganiser();
  if (!organiser) redirect("/admin/login");
  return organiser;
}

/**
 * For pages: the organiser, if their role allows `action`; else a redirect to sign in, or the 403
 * page (app/admin/forbidden.tsx). Every organiser page names what it lets people do.
 */
export async function requireRole(action: Action) {
  const organiser = await requireOrganiser();
  if (!can(organiser.role, action)) forbidden();
  return organiser;
}

export class ForeignOriginError extends Error {
  override name = "ForeignOriginError";
}

/** Refuses a state-changing request unless its Origin is this site, missing included. */
export async function requireSameOrigin(): Promise<void> {
  const origin = (await headers()).get("origin");
  if (!isSameOrigin(origin, await expectedOrigin())) {
    throw new ForeignOriginError(`refused an organiser action from origin ${JSON.stringify(origin)}`);
  }
}

/**
 * For every admin server action: same origin first, then a signed-in organiser whose role, read
 * from the database now, allows `action`. Hidden controls are a courtesy; this is the check.
 */
export async function requireRoleAction(action: Action) {
  await requireSameOrigin();
  const organiser = await requireOrganiser();
  if (!can(organiser.role, action)) forbidden();
  return organiser;
}

const cookieOptions = { httpOnly: true, secure: true, sameSite: "lax", path: "/" } as const;

/** Signs this browser in as the organiser: a fresh session id, and any session it had before ended. */
export async function beginSession(organiserId: number): Promise<void> {
  const jar = await cookies();
  await endSession(jar.get(sessionCookieName)?.value);
  const session = await startSession(organiserId);
  jar.set(sessionCookieName, session.token, { ...cookieOptions, expires: session.expiresAt });
}

/** Ends this browser's session, in the database and in the cookie. */
export async function closeSession(): Promise<void> {
  const jar = await cookies();
  await endSession(jar.get(sessionCookieName)?.value);
  jar.delete({ name: sessionCookieName, ...cookieOptions });
}

/** Marks this browser as one the organiser signed in from, so strangers' guesses elsewhere never lock it out (lib/auth/login-throttle.ts). */
export async function rememberBrowser(token: string): Promise<void> {
  (await cookies()).set(loginBrowserCookie.name, token, { ...cookieOptions, maxAge: loginBrowserCookie.lifetimeMs / 1000 });
}
