import { stores } from "@/lib/stores";
import { addressNetwork } from "../client-address";
import { processWide } from "../process-wide";
import { consumePoint, type LimitVerdict } from "../rate-limit";

/** Sign-in tries allowed in the window; one more locks the account or the address for the lock time. */
export const loginLimits = {
  account: { points: 5, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
  address: { points: 20, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
} as const;

const limiters = processWide("login-limiters", () => ({
  account: stores().housekeeping.rateLimiter({ name: "login-account", ...loginLimits.account }),
  address: stores().housekeeping.rateLimiter({ name: "login-address", ...loginLimits.address }),
}));

const accountKey = (email: string) => email.trim().toLowerCase();

/**
 * Counts a sign-in try before its password is checked, in one atomic write per key, so guesses
 * sent all at once are counted like guesses sent one by one. Refused when the account or the
 * address has used up its tries.
 */
export async function admitLoginAttempt(email: string, address: string | undefined): Promise<LimitVerdict> {
  const { account, address: byAddress } = limiters();
  // Both counted even when one refuses, so spraying a locked account still spends the address's tries.
  const verdicts = await Promise.all([
    consumePoint(account, accountKey(email)),
    address ? consumePoint(byAddress, addressNetwork(address)) : ({ ok: true } as const),
  ]);
  const refusals = verdicts.filter((v) => !v.ok);
  return refusals.length === 0 ? { ok: true } : { ok: false, retryAfterSeconds: Math.max(...refusals.map((v) => v.retryAfterSeconds)) };
}

/** A successful sign-in clears the account's tries and gives the address back the one it spent. */
export async function recordLoginSuccess(email: string, address: string | undefined): Promise<void> {
  const { account, address: byAddress } = limiters();
  await account.delete(accountKey(email));
  if (address) await byAddress.reward(addressNetwork(address), 1);
}
