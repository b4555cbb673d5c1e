import { randomBytes } from "node:crypto";
import { stores } from "@/lib/stores";
import { addressNetwork } from "../client-address";
import type { LimitCharge } from "../domain/ports/signatures";
import type { LimitVerdict } from "../rate-limit";
import { secretKey } from "../secrets";
import { hmac, sameSecret } from "../tokens";

const quarterHour = 15 * 60;

/**
 * Sign-in tries allowed in the window; the one after locks for the lock time. Chosen so that
 * guessing stays slow and a stranger's guesses never lock the organiser's own browser out:
 * - `client`: one account from one client (an IPv4 address or an IPv6 /64). Five tries leave room
 *   for typing mistakes and hold one guesser to 20 an hour.
 * - `address`: every account from one client, so one place cannot spray many accounts either.
 * - `account`: one account from every client together, counting only tries the two above let
 *   through. Reaching 50 takes at least ten clients; it holds a guesser with many addresses to 50
 *   guesses a quarter hour, and locks only browsers the account has not signed in from.
 * - `browser`: a browser the account signed in from before (its cookie, `loginBrowserCookie`) is
 *   counted on its own and by none of the above, so however many strangers guess, from wherever,
 *   even from the organiser's own network, that browser still gets its five tries.
 */
export const loginLimits = {
  client: { points: 5, durationSeconds: quarterHour, blockSeconds: quarterHour },
  address: { points: 20, durationSeconds: quarterHour, blockSeconds: quarterHour },
  account: { points: 50, durationSeconds: quarterHour, blockSeconds: quarterHour },
  browser: { points: 5, durationSeconds: quarterHour, blockSeconds: quarterHour },
} as const;

/** The cookie that tells an organiser's browser apart; its value is signed, so it cannot be made up. */
export const loginBrowserCookie = { name: "__Host-countersign-browser", lifetimeMs: 90 * 24 * 60 * 60 * 1000 } as const;

const account = (email: string) => email.trim().toLowerCase();
// The address's and account's keys as rate-limiter-flexible wrote them before, so their tries and locks carry over an upgrade.
const clientKey = (email: string, address: string) => `login-client:${account(email)}:${addressNetwork(address)}`;
const addressKey = (address: string) => `login-address:${addressNetwork(address)}`;
const accountKey = (email: string) => `login-account:${account(email)}`;
const browserKey = (email: string, browser: string) => `login-browser:${account(email)}:${browser}`;

const charge = (key: string, limit: (typeof loginLimits)[keyof typeof loginLimits]): LimitCharge => ({
  key,
  points: limit.points,
  windowMs: limit.durationSeconds * 1000,
  blockMs: limit.blockSeconds * 1000,
});

const browserSeal = (email: string, expiresMs: number, id: string) => hmac(secretKey("login-browser"), `${account(email)}|${expiresMs}|${id}`);

/** A new value for the browser cookie, good for this account until it expires. */
function browserToken(email: string, now: Date): string {
  const expiresMs = now.getTime() + loginBrowserCookie.lifetimeMs;
  const id = randomBytes(16).toString("base64url");
  return `${expiresMs}.${id}.${browserSeal(email, expiresMs, id)}`;
}

/** The browser's id when the cookie is one we gave for this account and it has not expired; else undefined. */
export function knownBrowser(email: string, token: string | undefined, now: Date): string | undefined {
  const [expires, id, seal, ...rest] = token?.split(".") ?? [];
  const expiresMs = Number(expires);
  if (!id || !seal || rest.length > 0 || !Number.isSafeInteger(expiresMs) || expiresMs <= now.getTime()) return undefined;
  return sameSecret(seal, browserSeal(email, expiresMs, id)) ? id : undefined;
}

/**
 * Counts a sign-in try before its password is checked, in one atomic write (one transaction), so
 * guesses sent all at once are counted like guesses sent one by one. Refused when the browser, or
 * else the client, its address or the account, has used up its tries.
 */
export async function admitLoginAttempt(email: string, address: string | undefined, browserCookie?: string): Promise<LimitVerdict> {
  const now = new Date();
  const browser = knownBrowser(email, browserCookie, now);
  const stages: LimitCharge[][] = browser
    ? [[charge(browserKey(email, browser), loginLimits.browser)]]
    : [
        // Both counted even when one refuses, so spraying a locked account still spends the address's tries.
        address ? [charge(clientKey(email, address), loginLimits.client), charge(addressKey(address), loginLimits.address)] : [],
        // Only what a client's own limits let through counts here, so one client cannot fill the account's.
        [charge(accountKey(email), loginLimits.account)],
      ];
  const answers = await stores().housekeeping.chargeLimitsInTurn(stages, now);
  const over = answers.flat().filter((ms): ms is number => ms !== undefined);
  return over.length === 0 ? { ok: true } : { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(Math.max(...over) / 1000)) };
}

/**
 * A successful sign-in clears the tries of the browser, or of the client, gives the address and
 * the account back the one it spent, and returns a new browser cookie. The rest of the account's
 * count stays: the strangers who added to it are still out there.
 */
export async function recordLoginSuccess(email: string, address: string | undefined, browserCookie?: string): Promise<string> {
  const now = new Date();
  const browser = knownBrowser(email, browserCookie, now);
  if (browser) await stores().housekeeping.clearLimit(browserKey(email, browser));
  else {
    if (address) await stores().housekeeping.clearLimit(clientKey(email, address));
    if (address) await stores().housekeeping.refundLimit(addressKey(address), 1, now);
    await stores().housekeeping.refundLimit(accountKey(email), 1, now);
  }
  return browserToken(email, now);
}
