import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { prepareDatabase } from "@/test/database";
import { admitLoginAttempt, loginLimits, recordLoginSuccess } from "./login-throttle";

const { account, address } = loginLimits;

/** Tries to sign in `times` times, one after another, and returns how many tries were admitted. */
async function attempts(times: number, who: (i: number) => { email: string; address?: string }): Promise<boolean[]> {
  const admitted: boolean[] = [];
  for (let i = 0; i < times; i++) admitted.push((await admitLoginAttempt(who(i).email, who(i).address)).ok);
  return admitted;
}

beforeAll(prepareDatabase);
afterEach(() => {
  vi.useRealTimers();
});

describe("sign-in throttling", () => {
  it("admits an account's tries up to the limit, then locks it from any address for the lock time", async () => {
    const tries = await attempts(account.points, () => ({ email: "dana@countersign.example", address: "203.0.113.5" }));
    expect(tries.every(Boolean)).toBe(true);
    const locked = await admitLoginAttempt("Dana@Countersign.example ", "198.51.100.77");
    expect(locked).toEqual({ ok: false, retryAfterSeconds: account.blockSeconds });
  });

  it("does not hold up another organiser signing in from somewhere else", async () => {
    await attempts(account.points + 1, () => ({ email: "eli@countersign.example", address: "203.0.113.6" }));
    expect((await admitLoginAttempt("eli@countersign.example", "203.0.113.6")).ok).toBe(false);
    expect((await admitLoginAttempt("farah@countersign.example", "198.51.100.8")).ok).toBe(true);
  });

  it("locks an address (an IPv6 client's whole /64) that guesses across many accounts, but not those accounts elsewhere", async () => {
    const guesses = await attempts(address.points, (i) => ({ email: `victim${i}@countersign.example`, address: `2001:db8:77::${i + 1}` }));
    expect(guesses.every(Boolean)).toBe(true);
    expect((await admitLoginAttempt("fresh@countersign.example", "2001:db8:77::ffff")).ok).toBe(false);
    expect((await admitLoginAttempt("victim0@countersign.example", "198.51.100.9")).ok).toBe(true);
  });

  it("forgets an account's tries once its owner signs in", async () => {
    const gina = { email: "gina@countersign.example", address: "203.0.113.40" };
    await attempts(account.points - 1, () => gina);
    await recordLoginSuccess(gina.email, gina.address);
    expect((await attempts(account.points, () => gina)).every(Boolean)).toBe(true);
    expect((await admitLoginAttempt(gina.email, gina.address)).ok).toBe(false);
  });

  it("lets the organiser try again once the lock has run out", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-25T14:00:00Z"));
    const hana = { email: "hana@countersign.example", address: "203.0.113.50" };
    await attempts(account.points + 1, () => hana);
    vi.setSystemTime(new Date(Date.now() + account.blockSeconds * 1000 - 1000));
    expect((await admitLoginAttempt(hana.email, hana.address)).ok).toBe(false);
    vi.setSystemTime(new Date(Date.now() + 2000));
    expect((await admitLoginAttempt(hana.email, hana.address)).ok).toBe(true);
  });

  it("locks for the lock time from the try that went over, however late in the window it came", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = new Date("2026-11-26T09:00:00Z").getTime();
    vi.setSystemTime(start);
    const jo = { email: "jo@countersign.example", address: "203.0.113.60" };
    expect((await attempts(account.points, () => jo)).every(Boolean)).toBe(true);
    vi.setSystemTime(start + 10 * 60_000);
    expect(await admitLoginAttempt(jo.email, jo.address)).toEqual({ ok: false, retryAfterSeconds: account.blockSeconds });
    // Past the window the tries began in, still locked; a try during the lock does not lengthen it.
    vi.setSystemTime(start + 20 * 60_000);
    expect(await admitLoginAttempt(jo.email, jo.address)).toEqual({ ok: false, retryAfterSeconds: account.blockSeconds - 10 * 60 });
    vi.setSystemTime(start + 10 * 60_000 + account.blockSeconds * 1000 + 1000);
    expect((await admitLoginAttempt(jo.email, jo.address)).ok).toBe(true);
  });

  it("admits no more tries sent all at once than one by one", async () => {
    // Counted before any password is checked, in one atomic write each: 30 guesses at once get 5 tries.
    const tries = await Promise.all(
      Array.from({ length: 30 }, (_, i) => admitLoginAttempt("ivan@countersign.example", `10.9.${i}.1`)),
    );
    expect(tries.filter((t) => t.ok)).toHaveLength(account.points);
  });
});
