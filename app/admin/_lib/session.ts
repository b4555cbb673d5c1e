import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { sessionAdmin, sessionCookieName } from "@/lib/auth/sessions";

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
