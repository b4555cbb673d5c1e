import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { prepareDatabase } from "@/test/database";
import { admitLoginAttempt, loginLimits, recordLoginSuccess } from "./login-throttle";

const { client, address, account, browser } = loginLimits;

type Try = { email: string; address?: string; browser?: string };

/** Tries to sign in `times` times, one after another, and returns which tries were admitted. */
async function attempts(times: number, who: (i: number) => Try): Promise<boolean[]> {
  const admitted: boolean[] = [];
  for (let i = 0; i < times; i++) admitted.push((await admitLoginAttempt(who(i).email, who(i).address, who(i).browser)).ok);
  return admitted;
}
const admitted = async (who: Try) => (await admitLoginAttempt(who.email, who.address, who.browser)).ok;

beforeAll(prepareDatabase);
afterEach(() => {
  vi.useRealTimers();
});

describe("sign-in throttling", () => {
  it("admits a client's tries at an account up to the limit, then locks that client out of it for the lock time", async () => {
    const tries = await attempts(client.points, () => ({ email: "dana@countersign.example", address: "203.0.113.5" }));
    expect(tries.every(Boolean)).toBe(true);
    const locked = await admitLoginAttempt("Dana@Countersign.example ", "203.0.113.5");
    expect(locked).toEqual({ ok: false, retryAfterSeconds: client.blockSeconds });
  });

  it("does not lock the organiser's own client out because a stranger guessed from somewhere else", async () => {
    const stranger = { email: "eli@countersign.example", address: "203.0.113.6" };
    await attempts(client.points * 4, () => stranger);
    expect(await admitted(stranger)).toBe(false);
    expect(await admitted({ email: "eli@countersign.example", address: "198.51.100.8" })).toBe(true);
    expect(await admitted({ email: "farah@countersign.example", address: "203.0.113.66" })).toBe(true);
  });

  it("admits no more tries from one client sent all at once than one by one, and they fill no one else's", async () => {
    // Counted before any password is checked, in one atomic write each: 100 guesses at once get 5 tries.
    const flood = await Promise.all(Array.from({ length: 100 }, () => admitLoginAttempt("ivan@countersign.example", "10.9.0.1")));
    expect(flood.filter((t) => t.ok)).toHaveLength(client.points);
    expect(await admitted({ email: "ivan@countersign.example", address: "10.9.0.1" })).toBe(false);
    // Refused by its client's limit, the flood took nothing from the account's: the organiser elsewhere gets in.
    expect(await admitted({ email: "ivan@countersign.example", address: "10.9.0.2" })).toBe(true);
  });

  it("locks an address (an IPv6 client's whole /64) that guesses across many accounts, but not those accounts elsewhere", async () => {
    const guesses = await attempts(address.points, (i) => ({ email: `victim${i}@countersign.example`, address: `2001:db8:77::${i + 1}` }));
    expect(guesses.every(Boolean)).toBe(true);
    expect(await admitted({ email: "fresh@countersign.example", address: "2001:db8:77::ffff" })).toBe(false);
    expect(await admitted({ email: "victim0@countersign.example", address: "198.51.100.9" })).toBe(true);
  });

  it("holds guessers from many clients to the account's ceiling, sent at once or not, then locks clients it has not signed in from", async () => {
    const email = "kemal@countersign.example";
    const own = await recordLoginSuccess(email, "198.51.100.200");
    const flood = await Promise.all(Array.from({ length: account.points * 2 }, (_, i) => admitLoginAttempt(email, `10.20.${i}.1`)));
    expect(flood.filter((t) => t.ok)).toHaveLength(account.points);
    expect(await admitLoginAttempt(email, "192.0.2.1")).toEqual({ ok: false, retryAfterSeconds: account.blockSeconds });
    // The organiser's own browser, from wherever, is counted on its own.
    expect(await admitted({ email, address: "10.20.0.1", browser: own })).toBe(true);
    expect(await admitted({ email, address: "192.0.2.2", browser: own })).toBe(true);
  });

  it("counts a browser's tries on their own, and takes no made-up, expired or other account's cookie for one", async () => {
    const lena = "lena@countersign.example";
    const own = await recordLoginSuccess(lena, "198.51.100.201");
    const tries = await attempts(browser.points + 1, () => ({ email: lena, address: "198.51.100.201", browser: own }));
    expect(tries).toEqual([...Array<boolean>(browser.points).fill(true), false]);
    // Locked as a browser, it is not turned into a fresh client by a cookie that does not hold.
    const [expires, id] = own.split(".");
    const forged = [`${expires}.${id}.${"0".repeat(64)}`, `${Date.now() - 1000}.${id}.${own.split(".")[2]}`, await recordLoginSuccess("mira@countersign.example", "198.51.100.202")];
    for (const cookie of forged) {
      const stranger = { email: lena, address: "203.0.113.99", browser: cookie };
      expect(await attempts(client.points + 1, () => stranger)).toEqual([...Array<boolean>(client.points).fill(true), false]);
      await recordLoginSuccess(lena, "203.0.113.99");
    }
  });

  it("forgets a client's tries once its organiser signs in there", async () => {
    const gina = { email: "gina@countersign.example", address: "203.0.113.40" };
    await attempts(client.points - 1, () => gina);
    await recordLoginSuccess(gina.email, gina.address);
    expect((await attempts(client.points, () => gina)).every(Boolean)).toBe(true);
    expect(await admitted(gina)).toBe(false);
  });

  it("lets the organiser try again once the lock has run out", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-25T14:00:00Z"));
    const hana = { email: "hana@countersign.example", address: "203.0.113.50" };
    await attempts(client.points + 1, () => hana);
    vi.setSystemTime(new Date(Date.now() + client.blockSeconds * 1000 - 1000));
    expect(await admitted(hana)).toBe(false);
    vi.setSystemTime(new Date(Date.now() + 2000));
    expect(await admitted(hana)).toBe(true);
  });

  it("locks for the lock time from the try that went over, however late in the window it came", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = new Date("2026-11-26T09:00:00Z").getTime();
    vi.setSystemTime(start);
    const jo = { email: "jo@countersign.example", address: "203.0.113.60" };
    expect((await attempts(client.points, () => jo)).every(Boolean)).toBe(true);
    vi.setSystemTime(start + 10 * 60_000);
    expect(await admitLoginAttempt(jo.email, jo.address)).toEqual({ ok: false, retryAfterSeconds: client.blockSeconds });
    // Past the window the tries began in, still locked; a try during the lock does not lengthen it.
    vi.setSystemTime(start + 20 * 60_000);
    expect(await admitLoginAttempt(jo.email, jo.address)).toEqual({ ok: false, retryAfterSeconds: client.blockSeconds - 10 * 60 });
    vi.setSystemTime(start + 10 * 60_000 + client.blockSeconds * 1000 + 1000);
    expect(await admitted(jo)).toBe(true);
  });
});
