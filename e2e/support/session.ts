import type { Page } from "@playwright/test";
import { sessionCookieName } from "@/lib/auth/sessions";

// Beside the session the browser also carries the cookie that marks it as one its organiser
// signed in from (lib/auth/login-throttle.ts): both are __Host- cookies, so pick by name.

/** The page's organiser session as a Cookie header, for requests made outside the page. */
export async function sessionHeader(page: Page): Promise<Record<string, string>> {
  const cookie = (await page.context().cookies()).find((c) => c.name === sessionCookieName);
  if (!cookie) throw new Error("not signed in: no session cookie");
  return { cookie: `${cookie.name}=${cookie.value}` };
}
