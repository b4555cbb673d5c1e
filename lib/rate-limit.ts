import { config } from "./config";
import { processSingleton } from "./process-singleton";

export type LimitVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Counts hits per key in fixed windows, in this process's memory: cheap enough for every signing
 * request. A limit of 0 lets everything through.
 */
export class WindowLimiter {
  private readonly windows = new Map<string, { start: number; hits: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  hit(key: string, now = Date.now()): LimitVerdict {
    if (this.limit === 0) return { ok: true };
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      if (this.windows.size > 50_000) this.sweep(now);
      window = { start: now, hits: 0 };
      this.windows.set(key, window);
    }
    if (window.hits >= this.limit) {
      return { ok: false, retryAfterSeconds: Math.ceil((window.start + this.windowMs - now) / 1000) };
    }
    window.hits++;
    return { ok: true };
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(key);
  }
}

/** The signing limits from the settings: per client address, and per email domain except the exempt ones. */
export function signingLimits() {
  return processSingleton("signing-limits", () => {
    const settings = config();
    const windowMs = settings.SIGN_LIMIT_WINDOW_MINUTES * 60_000;
    const perAddress = new WindowLimiter(settings.SIGN_LIMIT_PER_ADDRESS, windowMs);
    const perDomain = new WindowLimiter(settings.SIGN_LIMIT_PER_DOMAIN, windowMs);
    const exempt = new Set(settings.SIGN_LIMIT_EXEMPT_DOMAINS);
    return {
      check(clientAddress: string | undefined, domain: string, now = Date.now()): LimitVerdict {
        const byAddress = clientAddress ? perAddress.hit(clientAddress, now) : ({ ok: true } as const);
        if (!byAddress.ok) return byAddress;
        return exempt.has(domain) ? { ok: true } : perDomain.hit(domain, now);
      },
    };
  });
}
