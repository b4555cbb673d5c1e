import { beforeAll, describe, expect, it } from "vitest";
import { inspectDatabase, prepareDatabase } from "@/test/database";
import { loginLimits, loginLockedUntil, recordLoginFailure, recordLoginSuccess } from "./login-throttle";

const { account, address } = loginLimits;
const seconds = (n: number) => n * 1000;

/** Fails `times` sign-ins one second apart from `start`, and returns when the last one happened. */
async function failSignIns(times: number, who: (i: number) => { email: string; address?: string }, start: Date): Promise<Date> {
  let at = start;
  for (let i = 0; i < times; i++) {
    at = new Date(start.getTime() + seconds(i));
    const { email, address: from } = who(i);
    await recordLoginFailure(email, from, at);
  }
  return at;
}

function storedFailures(key: string): number | undefined {
  const db = inspectDatabase();
  try {
    return (db.prepare("select failures from login_throttle where key = ?").get(key) as { failures: number } | undefined)?.failures;
  } finally {
    db.close();
  }
}

beforeAll(prepareDatabase);

describe("sign-in throttling", () => {
  it("locks an organiser's account for the lock time after too many wrong passwords, from any address", async () => {
    const start = new Date("2026-11-25T10:00:00Z");
    const almost = await failSignIns(account.failures - 1, () => ({ email: "dana@countersign.example", address: "203.0.113.5" }), start);
    expect(await loginLockedUntil("dana@countersign.example", "203.0.113.5", almost)).toBeUndefined();

    const last = new Date(almost.getTime() + seconds(1));
    await recordLoginFailure("dana@countersign.example", "203.0.113.5", last);

    const lockedUntil = await loginLockedUntil("Dana@Countersign.example ", "198.51.100.77", new Date(last.getTime() + seconds(1)));
    expect(lockedUntil).toEqual(new Date(last.getTime() + account.lockMs));
  });

  it("does not hold up another organiser signing in from somewhere else", async () => {
    const start = new Date("2026-11-25T11:00:00Z");
    await failSignIns(account.failures, () => ({ email: "eli@countersign.example", address: "203.0.113.6" }), start);
    expect(await loginLockedUntil("eli@countersign.example", "203.0.113.6", start)).toBeDefined();
    expect(await loginLockedUntil("farah@countersign.example", "198.51.100.8", start)).toBeUndefined();
  });

  it("locks an address that guesses across many accounts, but not those accounts elsewhere", async () => {
    const start = new Date("2026-11-25T12:00:00Z");
    const guesser = "192.0.2.66";
    const almost = await failSignIns(address.failures - 1, (i) => ({ email: `victim${i}@countersign.example`, address: guesser }), start);
    expect(await loginLockedUntil("fresh@countersign.example", guesser, almost)).toBeUndefined();

    const last = new Date(almost.getTime() + seconds(1));
    await recordLoginFailure("one-more@countersign.example", guesser, last);

    expect(await loginLockedUntil("fresh@countersign.example", guesser, last)).toEqual(new Date(last.getTime() + address.lockMs));
    expect(await loginLockedUntil("victim0@countersign.example", "198.51.100.9", last)).toBeUndefined();
  });

  it("forgets an account's wrong passwords once its owner signs in, but not the address's", async () => {
    const start = new Date("2026-11-25T13:00:00Z");
    const gina = { email: "gina@countersign.example", address: "203.0.113.40" };
    const before = await failSignIns(account.failures - 1, () => gina, start);
    await recordLoginSuccess("Gina@Countersign.example");
    expect(storedFailures("account:gina@countersign.example")).toBeUndefined();
    expect(storedFailures("address:203.0.113.40")).toBe(account.failures - 1);

    const after = await failSignIns(account.failures - 1, () => gina, new Date(before.getTime() + seconds(10)));
    expect(await loginLockedUntil(gina.email, gina.address, after)).toBeUndefined();
    await recordLoginFailure(gina.email, gina.address, new Date(after.getTime() + seconds(1)));
    expect(await loginLockedUntil(gina.email, gina.address, new Date(after.getTime() + seconds(2)))).toBeDefined();
  });

  it("lets the organiser try again once the lock has run out, with a clean slate", async () => {
    const start = new Date("2026-11-25T14:00:00Z");
    const hana = { email: "hana@countersign.example", address: "203.0.113.50" };
    const last = await failSignIns(account.failures, () => hana, start);
    const lockedUntil = (await loginLockedUntil(hana.email, hana.address, last))!;
    expect(lockedUntil).toEqual(new Date(last.getTime() + account.lockMs));

    expect(await loginLockedUntil(hana.email, hana.address, new Date(lockedUntil.getTime() - 1))).toEqual(lockedUntil);
    expect(await loginLockedUntil(hana.email, hana.address, lockedUntil)).toBeUndefined();

    // The window has passed too, so one more slip starts a new count rather than a new lock.
    await recordLoginFailure(hana.email, hana.address, lockedUntil);
    expect(await loginLockedUntil(hana.email, hana.address, lockedUntil)).toBeUndefined();
    expect(storedFailures("account:hana@countersign.example")).toBe(1);
  });

  it("counts every wrong password when several arrive at the same moment", async () => {
    // A guesser who sends sign-ins in parallel must not get more tries than one who waits.
    const start = new Date("2026-11-25T15:00:00Z");
    const tries = Array.from({ length: account.failures * 2 }, (_, i) =>
      recordLoginFailure("ivan@countersign.example", `10.9.9.${i}`, new Date(start.getTime() + i)),
    );
    await Promise.all(tries);
    expect(storedFailures("account:ivan@countersign.example")).toBe(account.failures * 2);
    expect(await loginLockedUntil("ivan@countersign.example", "10.9.9.99", new Date(start.getTime() + seconds(1)))).toBeDefined();
  });
});
