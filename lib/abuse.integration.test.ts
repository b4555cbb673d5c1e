import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { prepareDatabase, storedRows } from "@/test/database";
import { formTokenLifetimeMs, issueFormToken } from "./bot-checks";
import { campaignStatus, recentSigners } from "./campaign-status";
import { signCampaign } from "./signatures";
import { describeWithdrawal } from "./withdrawals";

// config() reads the environment once, so the limits must be on before any lib module asks for it.
vi.hoisted(() => {
  process.env.SIGN_LIMIT_PER_ADDRESS = "3";
  process.env.SIGN_LIMIT_PER_DOMAIN = "5";
});

const slug = "white-helmets";
const at = (iso: string) => new Date(iso);

const signer = (email: string) => ({ fullName: "Amina Khalil", email, country: "SY" });

const storedEmails = () => storedRows<{ email: string }>("select email from signatures order by id").map((r) => r.email);

const stored = (email: string) =>
  storedRows<{ status: string; fill_ms: number | null }>("select status, fill_ms from signatures where email = ?", email);

async function here(): Promise<number> {
  return (await campaignStatus(slug))!.signaturesHere;
}

/** Moves the clock the limits read (only Date: timers keep running). */
function clockAt(iso: string): Date {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(at(iso));
  return at(iso);
}

beforeAll(prepareDatabase);
afterEach(() => {
  vi.useRealTimers();
});

describe("rate limits", () => {
  it("stops a fourth signature from one address within the hour, while a neighbour still signs", async () => {
    const start = clockAt("2026-11-25T10:00:00Z");
    for (let i = 0; i < 3; i++) {
      const outcome = await signCampaign(slug, signer(`flat${i}@one.example`), { clientAddress: "203.0.113.10", now: start });
      expect(outcome.kind).toBe("signed");
    }
    const count = await here();

    clockAt("2026-11-25T10:10:00Z");
    const fourth = await signCampaign(slug, signer("flat3@one.example"), { clientAddress: "203.0.113.10" });
    expect(fourth).toEqual({ kind: "rate-limited", retryAfterSeconds: 50 * 60 });
    expect(storedEmails()).not.toContain("flat3@one.example");
    expect(await here()).toBe(count);

    const neighbour = await signCampaign(slug, signer("neighbour@two.example"), { clientAddress: "203.0.113.11" });
    expect(neighbour.kind).toBe("signed");
  });

  it("lets the same address sign again once its hour has passed", async () => {
    clockAt("2026-11-25T12:00:00Z");
    for (let i = 0; i < 3; i++) {
      await signCampaign(slug, signer(`cafe${i}@three.example`), { clientAddress: "203.0.113.20" });
    }
    const blocked = await signCampaign(slug, signer("cafe3@three.example"), { clientAddress: "203.0.113.20" });
    expect(blocked.kind).toBe("rate-limited");

    clockAt("2026-11-25T13:00:01Z");
    const later = await signCampaign(slug, signer("cafe3@three.example"), { clientAddress: "203.0.113.20" });
    expect(later.kind).toBe("signed");
  });

  it("counts an IPv6 client's whole /64 as one address, and the next /64 apart", async () => {
    clockAt("2026-11-25T13:30:00Z");
    const inOneNetwork = ["2001:db8:aa:1::1", "2001:db8:aa:1::2", "2001:db8:aa:1:ffff:ffff:ffff:fffe"];
    for (const [i, clientAddress] of inOneNetwork.entries()) {
      expect((await signCampaign(slug, signer(`v6-${i}@five.example`), { clientAddress })).kind).toBe("signed");
    }
    const rotated = await signCampaign(slug, signer("v6-3@five.example"), { clientAddress: "2001:db8:aa:1:1234:5678:9abc:def0" });
    expect(rotated.kind).toBe("rate-limited");
    const nextNetwork = await signCampaign(slug, signer("v6-4@six.example"), { clientAddress: "2001:db8:aa:2::1" });
    expect(nextNetwork.kind).toBe("signed");
  });

  it("stops a sixth signature from one small domain, even from different addresses", async () => {
    clockAt("2026-11-25T14:00:00Z");
    for (let i = 0; i < 5; i++) {
      const outcome = await signCampaign(slug, signer(`member${i}@tiny-ngo.example`), { clientAddress: `198.51.100.${i}` });
      expect(outcome.kind).toBe("signed");
    }
    const sixth = await signCampaign(slug, signer("member5@Tiny-NGO.example"), { clientAddress: "198.51.100.99" });
    expect(sixth.kind).toBe("rate-limited");
    expect(storedEmails()).not.toContain("member5@Tiny-NGO.example");
  });

  it("never limits a big webmail provider by domain, however many of its users sign", async () => {
    clockAt("2026-11-25T15:00:00Z");
    for (let i = 0; i < 8; i++) {
      const email = i % 2 ? `friend${i}@googlemail.com` : `friend${i}@gmail.com`;
      const outcome = await signCampaign(slug, signer(email), { clientAddress: `192.0.2.${i}` });
      expect(outcome.kind).toBe("signed");
    }
  });

  it("does not spend an address's allowance on a form sent back with mistakes or a refused address", async () => {
    clockAt("2026-11-25T16:00:00Z");
    const context = { clientAddress: "203.0.113.30" };
    for (let i = 0; i < 3; i++) {
      expect((await signCampaign(slug, signer("not-an-email"), context)).kind).toBe("invalid");
      expect((await signCampaign(slug, signer(`typo${i}@mailinator.com`), context)).kind).toBe("invalid");
    }
    for (let i = 0; i < 3; i++) {
      expect((await signCampaign(slug, signer(`careful${i}@four.example`), context)).kind).toBe("signed");
    }
    expect((await signCampaign(slug, signer("careful3@four.example"), context)).kind).toBe("rate-limited");
  });

  it("keeps its counts in the database, where another process sees them", async () => {
    for (let i = 0; i < 3; i++) {
      expect((await signCampaign(slug, signer(`shared${i}@seven.example`), { clientAddress: "203.0.113.40" })).kind).toBe("signed");
    }
    // A second process on the same database (as after a restart, or beside this one) is refused too.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "test/sign-once.ts", slug, "shared3@seven.example", "203.0.113.40"],
      { env: process.env },
    );
    expect(JSON.parse(stdout)).toMatchObject({ kind: "rate-limited" });
    expect(storedEmails()).not.toContain("shared3@seven.example");
  }, 30_000);
});

describe("the form's traps", () => {
  const shownAt = (now: Date, secondsBefore: number) => issueFormToken(now.getTime() - secondsBefore * 1000);

  async function expectSuspected(email: string, form: { honeypot?: unknown; formToken?: unknown }, clientAddress: string) {
    const now = new Date();
    const before = (await campaignStatus(slug))!;
    const outcome = await signCampaign(slug, signer(email), { clientAddress, form, now });
    // The bot is told what a person would be told, so it cannot learn which trap it walked into;
    // the withdraw token it gets has a real one's shape and opens nothing.
    expect(outcome).toMatchObject({ kind: "signed", signerNumber: before.total + 1, withdrawToken: expect.any(String) });
    if (outcome.kind === "signed") expect(await describeWithdrawal(outcome.withdrawToken)).toBeUndefined();
    expect(stored(email)).toEqual([expect.objectContaining({ status: "suspected" })]);
    expect(await campaignStatus(slug)).toEqual(before);
  }

  it("keeps a form whose hidden website field was filled in as suspected: stored, not counted", async () => {
    const now = new Date();
    await expectSuspected("filler@bots.example", { honeypot: "http://spam.example", formToken: shownAt(now, 5) }, "10.0.0.1");
  });

  it("keeps a form sent without the page's stamp, or with a made-up or backdated one, as suspected", async () => {
    const now = new Date();
    await expectSuspected("stampless@bots.example", { honeypot: "" }, "10.0.0.2");
    await expectSuspected("forger@bots.example", { honeypot: "", formToken: `${now.getTime() - 10_000}.${"0".repeat(64)}` }, "10.0.0.3");
    const [, signature] = shownAt(now, 1).split(".");
    await expectSuspected("backdater@bots.example", { honeypot: "", formToken: `${now.getTime() - 60_000}.${signature}` }, "10.0.0.4");
  });

  it("lists no suspected signer, even one who asked to be shown", async () => {
    const now = new Date();
    await signCampaign(slug, { ...signer("shown-bot@bots.example"), fullName: "Shown Bot", showName: true }, {
      form: { honeypot: "x", formToken: shownAt(now, 9) },
    });
    const campaign = storedRows<{ id: number }>("select id from petitions where slug = ?", slug)[0]!;
    expect((await recentSigners(campaign.id)).map((s) => s.name)).not.toContain("Shown B.");
  });

  it("counts a person whose browser filled the form in one second, and keeps the time as a signal", async () => {
    const now = new Date();
    const before = (await campaignStatus(slug))!;
    const outcome = await signCampaign(slug, signer("autofill@people.example"), {
      clientAddress: "10.0.0.5",
      form: { honeypot: "", formToken: shownAt(now, 1) },
      now,
    });
    expect(outcome).toMatchObject({ kind: "signed", signerNumber: before.total + 1 });
    expect(stored("autofill@people.example")).toEqual([{ status: "confirmed", fill_ms: 1000 }]);
    expect((await campaignStatus(slug))!.total).toBe(before.total + 1);
  });

  it("asks for a form kept open over a day to be sent again, and stores nothing yet", async () => {
    const now = new Date();
    const rows = storedEmails().length;
    const outcome = await signCampaign(slug, signer("patient@people.example"), {
      form: { honeypot: "", formToken: issueFormToken(now.getTime() - formTokenLifetimeMs - 1000) },
      now,
    });
    expect(outcome).toEqual({ kind: "form-expired" });
    expect(storedEmails()).toHaveLength(rows);
  });

  it("lets a person sign with an address a bot used first: their signature replaces the suspected one and counts", async () => {
    const now = new Date();
    await expectSuspected("borrowed@people.example", { honeypot: "filled", formToken: shownAt(now, 2) }, "10.0.0.7");
    const before = (await campaignStatus(slug))!;
    const outcome = await signCampaign(slug, { ...signer("borrowed@people.example"), fullName: "Real Person" }, {
      form: { honeypot: "", formToken: shownAt(now, 20) },
      now,
    });
    expect(outcome).toMatchObject({ kind: "signed", signerNumber: before.total + 1 });
    if (outcome.kind === "signed") expect(await describeWithdrawal(outcome.withdrawToken)).toMatchObject({ status: "confirmed" });
    expect(storedRows("select full_name, status, fill_ms from signatures where email = ?", "borrowed@people.example")).toEqual([
      { full_name: "Real Person", status: "confirmed", fill_ms: 20_000 },
    ]);
    expect((await campaignStatus(slug))!.total).toBe(before.total + 1);
  });
});

describe("throwaway addresses", () => {
  it.each(["someone@mailinator.com", "someone@team7.mailinator.com", "someone@Guerrillamail.com"])(
    "refuses %s with a note on the email field and stores nothing",
    async (email) => {
      const before = await here();
      const outcome = await signCampaign(slug, signer(email), { clientAddress: "10.0.1.1" });
      expect(outcome).toEqual({ kind: "invalid", errors: { email: "email-disposable" } });
      expect(storedEmails()).not.toContain(email);
      expect(await here()).toBe(before);
    },
  );
});
