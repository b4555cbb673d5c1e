import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { isSameOrigin } from "@/lib/auth/origin";
import { sessionAdmin, sessionCookieName } from "@/lib/auth/sessions";
import { expectedOrigin } from "../../_lib/request";

/** The signed-in organiser, checked against the database on every call, or undefined. */
export async function currentAdmin() {
  return sessionAdmin((await cookies()).get(sessionCookieName)?.value);
}

/** For pages: the organiser, or a redirect to sign in. */
export async function requireAdmin() {
  const admin = await currentAdmin();
  if (!admin) redirect("/admin/login");
  return admin;
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

/** For every admin server action: same origin first, then a signed-in organiser. */
export async function requireAdminAction() {
  await requireSameOrigin();
  const admin = await currentAdmin();
  if (!admin) redirect("/admin/login");
  return admin;
}
