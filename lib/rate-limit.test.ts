import { describe, expect, it } from "vitest";
import { WindowLimiter } from "./rate-limit";

describe("WindowLimiter", () => {
  it("lets the limit through in a window, then refuses with the seconds left", () => {
    const limiter = new WindowLimiter(3, 60_000);
    const t0 = 1_000_000;
    expect([1, 2, 3].map(() => limiter.hit("1.2.3.4", t0).ok)).toEqual([true, true, true]);
    expect(limiter.hit("1.2.3.4", t0 + 15_000)).toEqual({ ok: false, retryAfterSeconds: 45 });
    expect(limiter.hit("5.6.7.8", t0 + 15_000).ok).toBe(true);
  });

  it("starts afresh in the next window", () => {
    const limiter = new WindowLimiter(1, 1000);
    expect(limiter.hit("k", 0).ok).toBe(true);
    expect(limiter.hit("k", 999).ok).toBe(false);
    expect(limiter.hit("k", 1000).ok).toBe(true);
  });

  it("lets everything through when the limit is 0", () => {
    const limiter = new WindowLimiter(0, 1000);
    expect(Array.from({ length: 100 }, () => limiter.hit("k", 0).ok).every(Boolean)).toBe(true);
  });
});
