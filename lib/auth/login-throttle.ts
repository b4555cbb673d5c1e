import { stores } from "@/lib/stores";
import { addressNetwork } from "../client-address";
import type { LimitCharge } from "../domain/ports/signatures";
import type { LimitVerdict } from "../rate-limit";

/** Sign-in tries allowed in the window; one more locks the account or the address for the lock time. */
export const loginLimits = {
  account: { points: 5, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
  address: { points: 20, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
} as const;

// Keys as rate-limiter-flexible wrote them before, so tries and locks carry over an upgrade.
const accountKey = (email: string) => `login-account:${email.trim().toLowerCase()}`;
const addressKey = (address: string) => `login-address:${addressNetwork(address)}`;

const charge = (key: string, limit: (typeof loginLimits)[keyof typeof loginLimits]): LimitCharge => ({
  key,
  points: limit.points,
  windowMs: limit.durationSeconds * 1000,
  blockMs: limit.blockSeconds * 1000,
});

/**
 * Counts a sign-in try before its password is checked, in one atomic write per key, so guesses
 * sent all at once are counted like guesses sent one by one. Refused when the account or the
 * address has used up its tries.
 */
export async function admitLoginAttempt(email: string, address: string | undefined): Promise<LimitVerdict> {
  // Both counted even when one refuses, so spraying a locked account still spends the address's tries.
  const charges = [charge(accountKey(email), loginLimits.account), ...(address ? [charge(addressKey(address), loginLimits.address)] : [])];
  const over = (await stores().housekeeping.chargeLimits(charges, new Date())).filter((ms): ms is number => ms !== undefined);
  return over.length === 0 ? { ok: true } : { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(Math.max(...over) / 1000)) };
}

/** A successful sign-in clears the account's tries and gives the address back the one it spent. */
export async function recordLoginSuccess(email: string, address: string | undefined): Promise<void> {
  await stores().housekeeping.clearLimit(accountKey(email));
  if (address) await stores().housekeeping.refundLimit(addressKey(address), 1, new Date());
}
