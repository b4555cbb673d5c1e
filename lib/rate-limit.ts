import { addressNetwork } from "./client-address";
import { config } from "./config";
import type { LimitCharge } from "./domain/ports/signatures";
import { processWide } from "./process-wide";

export type LimitVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * The signing limits from the settings: per client network (an IPv6 client owns a whole /64), and
 * per email domain except the exempt ones, a limit of 0 being off. They are counted in the
 * database (rate_limits) by the signature's own transaction, so every process shares them and a
 * limit costs no round trip or commit of its own.
 */
export const signingLimits = processWide("signing-limits", () => {
  const settings = config();
  const windowMs = settings.SIGN_LIMIT_WINDOW_MINUTES * 60_000;
  const exempt = new Set(settings.SIGN_LIMIT_EXEMPT_DOMAINS);
  return {
    /** What one signature from this client and domain counts against. */
    charges(clientAddress: string | undefined, domain: string): LimitCharge[] {
      const charges: LimitCharge[] = [];
      // Keys as rate-limiter-flexible wrote them before, so counts carry over an upgrade.
      if (settings.SIGN_LIMIT_PER_ADDRESS > 0 && clientAddress) {
        charges.push({ key: `sign-address:${addressNetwork(clientAddress)}`, points: settings.SIGN_LIMIT_PER_ADDRESS, windowMs });
      }
      if (settings.SIGN_LIMIT_PER_DOMAIN > 0 && !exempt.has(domain)) charges.push({ key: `sign-domain:${domain}`, points: settings.SIGN_LIMIT_PER_DOMAIN, windowMs });
      return charges;
    },
  };
});
