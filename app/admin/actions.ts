"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authenticate } from "@/lib/auth/admins";
import { loginLockedUntil, recordLoginFailure, recordLoginSuccess } from "@/lib/auth/login-throttle";
import { endSession, sessionCookieName, startSession } from "@/lib/auth/sessions";
import { requestClientAddress } from "../_lib/request";
import { requireSameOrigin } from "./_lib/session";

export type SignInState = { email: string; error?: string };

const credentials = z.object({
  email: z.string().trim().max(254),
  password: z.string().max(256),
});

const cookieOptions = { httpOnly: true, secure: true, sameSite: "lax", path: "/" } as const;

export async function signIn(_previous: SignInState, form: FormData): Promise<SignInState> {
  await requireSameOrigin();
  const parsed = credentials.safeParse({ email: form.get("email"), password: form.get("password") });
  const email = parsed.success ? parsed.data.email : "";
  if (!parsed.success || !parsed.data.email || !parsed.data.password) {
    return { email, error: "Enter your email and password to sign in." };
  }
  const address = await requestClientAddress();
  const lockedUntil = await loginLockedUntil(email, address);
  if (lockedUntil) {
    const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - Date.now()) / 60_000));
    return { email, error: `Too many failed sign-ins. Please wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.` };
  }
  const admin = await authenticate(email, parsed.data.password);
  if (!admin) {
    await recordLoginFailure(email, address);
    return { email, error: "That email and password don't match an organiser account. Check both and try again." };
  }
  await recordLoginSuccess(email);

  // A fresh session id at every sign-in; any session this browser had before is ended.
  const jar = await cookies();
  await endSession(jar.get(sessionCookieName)?.value);
  const session = await startSession(admin.id);
  jar.set(sessionCookieName, session.token, { ...cookieOptions, expires: session.expiresAt });
  redirect("/admin");
}

export async function signOut(): Promise<void> {
  await requireSameOrigin();
  const jar = await cookies();
  await endSession(jar.get(sessionCookieName)?.value);
  jar.delete({ name: sessionCookieName, ...cookieOptions });
  redirect("/admin/login");
}
