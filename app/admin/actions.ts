"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authenticate } from "@/lib/auth/organiser-accounts";
import { admitLoginAttempt, loginBrowserCookie, recordLoginSuccess } from "@/lib/auth/login-throttle";
import { requestClientAddress } from "../_lib/request";
import { beginSession, closeSession, rememberBrowser, requireSameOrigin } from "./_lib/session";

export type SignInState = { email: string; error?: string };

const credentials = z.object({
  email: z.string().trim().max(254),
  password: z.string().max(256),
});

export async function signIn(_previous: SignInState, form: FormData): Promise<SignInState> {
  await requireSameOrigin();
  const parsed = credentials.safeParse({ email: form.get("email"), password: form.get("password") });
  const email = parsed.success ? parsed.data.email : "";
  if (!parsed.success || !parsed.data.email || !parsed.data.password) {
    return { email, error: "Enter your email and password to sign in." };
  }
  const address = await requestClientAddress();
  const browser = (await cookies()).get(loginBrowserCookie.name)?.value;
  // Counted before the password is checked, so guesses sent all at once cannot slip past the lock.
  const admitted = await admitLoginAttempt(email, address, browser);
  if (!admitted.ok) {
    const minutes = Math.max(1, Math.ceil(admitted.retryAfterSeconds / 60));
    return { email, error: `Too many sign-in attempts. Please wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.` };
  }
  const outcome = await authenticate(email, parsed.data.password);
  if (outcome.kind === "busy") return { email, error: "Sign-in is busy right now. Please try again in a moment." };
  if (outcome.kind === "refused") {
    return { email, error: "That email and password don't match an organiser account. Check both and try again." };
  }
  const { organiser } = outcome;
  await rememberBrowser(await recordLoginSuccess(email, address, browser));

  // A fresh session id at every sign-in; any session this browser had before is ended.
  await beginSession(organiser.id);
  redirect("/admin");
}

export async function signOut(): Promise<void> {
  await requireSameOrigin();
  await closeSession();
  redirect("/admin/login");
}
