"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authenticate } from "@/lib/auth/admins";
import { endSession, sessionCookieName, startSession } from "@/lib/auth/sessions";

export type SignInState = { email: string; error?: string };

const credentials = z.object({
  email: z.string().trim().max(254),
  password: z.string().max(256),
});

export async function signIn(_previous: SignInState, form: FormData): Promise<SignInState> {
  const parsed = credentials.safeParse({ email: form.get("email"), password: form.get("password") });
  const email = parsed.success ? parsed.data.email : "";
  if (!parsed.success || !parsed.data.email || !parsed.data.password) {
    return { email, error: "Enter your email and password to sign in." };
  }
  const admin = await authenticate(parsed.data.email, parsed.data.password);
  if (!admin) return { email, error: "That email and password don't match an organiser account. Check both and try again." };

  const session = await startSession(admin.id);
  (await cookies()).set(sessionCookieName, session.token, {
    httpOnly: true,
    secure: true,
    sameSite: "lax",
    path: "/",
    expires: session.expiresAt,
  });
  redirect("/admin");
}

export async function signOut(): Promise<void> {
  const jar = await cookies();
  await endSession(jar.get(sessionCookieName)?.value);
  jar.delete({ name: sessionCookieName, path: "/", secure: true, httpOnly: true, sameSite: "lax" });
  redirect("/admin/login");
}
