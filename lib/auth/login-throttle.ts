import { clearLoginThrottle, countLoginFailure, readLoginThrottle } from "@/db/store";

/** After this many failures in the window, the account or address waits out the lock. */
export const loginLimits = {
  account: { failures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  address: { failures: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
} as const;

const keys = (email: string, address: string | undefined) =>
  [
    { key: `account:${email.trim().toLowerCase()}`, limit: loginLimits.account },
    ...(address ? [{ key: `address:${address}`, limit: loginLimits.address }] : []),
  ] as const;

/** When sign-in may be tried again, if the account or the address is locked now. */
export async function loginLockedUntil(email: string, address: string | undefined, now = new Date()): Promise<Date | undefined> {
  for (const { key } of keys(email, address)) {
    const row = await readLoginThrottle(key);
    if (row?.lockedUntil && row.lockedUntil > now) return row.lockedUntil;
  }
  return undefined;
}

export async function recordLoginFailure(email: string, address: string | undefined, now = new Date()): Promise<void> {
  for (const { key, limit } of keys(email, address)) await countLoginFailure(key, now, limit);
}

/** A successful sign-in clears the account's failures; the address's stay, as they may be someone else's. */
export async function recordLoginSuccess(email: string): Promise<void> {
  await clearLoginThrottle(`account:${email.trim().toLowerCase()}`);
}
