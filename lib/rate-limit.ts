import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { rateLimiter } from "@/db/store";
import { addressNetwork } from "./client-address";
import { config } from "./config";
import { lazy } from "./lazy";

export type LimitVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Takes one point from a limiter's key. Reaching a limit is an expected outcome, answered as a
 * verdict; a failing store is not, and is thrown.
 */
export async function consumePoint(limiter: RateLimiterAbstract, key: string): Promise<LimitVerdict> {
  try {
    await limiter.consume(key);
    return { ok: true };
  } catch (rejection) {
    if (rejection instanceof Error) throw rejection;
    const { msBeforeNext } = rejection as { msBeforeNext: number };
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)) };
  }
}

/**
 * The signing limits from the settings: per client network (an IPv6 client owns a whole /64), and
 * per email domain except the exempt ones. Counted in the database, so every process shares them;
 * a limit of 0 is off.
 */
export const signingLimits = lazy(() => {
  const settings = config();
  const durationSeconds = settings.SIGN_LIMIT_WINDOW_MINUTES * 60;
  const perAddress =
    settings.SIGN_LIMIT_PER_ADDRESS > 0 ? rateLimiter({ name: "sign-address", points: settings.SIGN_LIMIT_PER_ADDRESS, durationSeconds }) : undefined;
  const perDomain =
    settings.SIGN_LIMIT_PER_DOMAIN > 0 ? rateLimiter({ name: "sign-domain", points: settings.SIGN_LIMIT_PER_DOMAIN, durationSeconds }) : undefined;
  const exempt = new Set(settings.SIGN_LIMIT_EXEMPT_DOMAINS);
  return {
    async check(clientAddress: string | undefined, domain: string): Promise<LimitVerdict> {
      if (perAddress && clientAddress) {
        const byAddress = await consumePoint(perAddress, addressNetwork(clientAddress));
        if (!byAddress.ok) return byAddress;
      }
      return perDomain && !exempt.has(domain) ? consumePoint(perDomain, domain) : { ok: true };
    },
  };
});
