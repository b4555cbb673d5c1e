import { beforeAll, describe, expect, it, vi } from "vitest";
import { inspectDatabase, prepareDatabase } from "@/test/database";
import { issueFormToken } from "./bot-checks";
import { petitionStatus } from "./petitions";
import { signPetition } from "./signatures";

// config() reads the environment once, so the limits must be on before any lib module asks for it.
vi.hoisted(() => {
  process.env.SIGN_LIMIT_PER_ADDRESS = "3";
  process.env.SIGN_LIMIT_PER_DOMAIN = "5";
  process.env.MIN_FORM_SECONDS = "3";
});

const slug = "white-helmets";
const at = (iso: string) => new Date(iso);

const signer = (email: string) => ({ fullName: "Amina Khalil", email, country: "SY" });

function storedEmails(): string[] {
  const db = inspectDatabase();
  try {
    return (db.prepare("select email from signatures order by id").all() as { email: string }[]).map((r) => r.email);
  } finally {
    db.close();
  }
}

async function here(): Promise<number> {
  return (await petitionStatus(slug))!.signaturesHere;
}

beforeAll(prepareDatabase);

describe("rate limits", () => {
  it("stops a fourth signature from one address within the hour, while a neighbour still signs", async () => {
    const start = at("2026-11-25T10:00:00Z");
    for (let i = 0; i < 3; i++) {
      const outcome = await signPetition(slug, signer(`flat${i}@one.example`), {
        clientAddress: "203.0.113.10",
        now: new Date(start.getTime() + i * 1000),
      });
      expect(outcome.kind).toBe("signed");
    }
    const count = await here();

    const fourth = await signPetition(slug, signer("flat3@one.example"), { clientAddress: "203.0.113.10", now: at("2026-11-25T10:10:00Z") });
    expect(fourth).toEqual({ kind: "rate-limited", retryAfterSeconds: 50 * 60 });
    expect(storedEmails()).not.toContain("flat3@one.example");
    expect(await here()).toBe(count);

    const neighbour = await signPetition(slug, signer("neighbour@two.example"), { clientAddress: "203.0.113.11", now: at("2026-11-25T10:10:00Z") });
    expect(neighbour.kind).toBe("signed");
  });

  it("lets the same address sign again once its hour has passed", async () => {
    const start = at("2026-11-25T12:00:00Z");
    for (let i = 0; i < 3; i++) {
      await signPetition(slug, signer(`cafe${i}@three.example`), { clientAddress: "203.0.113.20", now: start });
    }
    const blocked = await signPetition(slug, signer("cafe3@three.example"), { clientAddress: "203.0.113.20", now: start });
    expect(blocked.kind).toBe("rate-limited");

    const later = await signPetition(slug, signer("cafe3@three.example"), { clientAddress: "203.0.113.20", now: at("2026-11-25T13:00:00Z") });
    expect(later.kind).toBe("signed");
  });

  it("stops a sixth signature from one small domain, even from different addresses", async () => {
    const now = at("2026-11-25T14:00:00Z");
    for (let i = 0; i < 5; i++) {
      const outcome = await signPetition(slug, signer(`member${i}@tiny-ngo.example`), { clientAddress: `198.51.100.${i}`, now });
      expect(outcome.kind).toBe("signed");
    }
    const sixth = await signPetition(slug, signer("member5@Tiny-NGO.example"), { clientAddress: "198.51.100.99", now });
    expect(sixth.kind).toBe("rate-limited");
    expect(storedEmails()).not.toContain("member5@Tiny-NGO.example");
  });

  it("never limits a big webmail provider by domain, however many of its users sign", async () => {
    const now = at("2026-11-25T15:00:00Z");
    for (let i = 0; i < 8; i++) {
      const email = i % 2 ? `friend${i}@googlemail.com` : `friend${i}@gmail.com`;
      const outcome = await signPetition(slug, signer(email), { clientAddress: `192.0.2.${i}`, now });
      expect(outcome.kind).toBe("signed");
    }
  });

  it("does not spend an address's allowance on a form sent back with mistakes or a refused address", async () => {
    const now = at("2026-11-25T16:00:00Z");
    const context = { clientAddress: "203.0.113.30", now };
    for (let i = 0; i < 3; i++) {
      expect((await signPetition(slug, signer("not-an-email"), context)).kind).toBe("invalid");
      expect((await signPetition(slug, signer(`typo${i}@mailinator.com`), context)).kind).toBe("invalid");
    }
    for (let i = 0; i < 3; i++) {
      expect((await signPetition(slug, signer(`careful${i}@four.example`), context)).kind).toBe("signed");
    }
    expect((await signPetition(slug, signer("careful3@four.example"), context)).kind).toBe("rate-limited");
  });
});

describe("bot traps", () => {
  const now = at("2026-11-26T09:00:00Z");
  const shownAt = (secondsBefore: number) => issueFormToken(now.getTime() - secondsBefore * 1000);

  async function expectTrapped(email: string, form: { honeypot?: unknown; formToken?: unknown }, clientAddress: string) {
    const before = await petitionStatus(slug);
    const outcome = await signPetition(slug, signer(email), { clientAddress, form, now });
    // The bot is told what a person would be told, so it cannot learn which trap it walked into.
    expect(outcome).toMatchObject({ kind: "signed", signerNumber: before!.total + 1, withdrawToken: expect.any(String) });
    expect(storedEmails()).not.toContain(email);
    expect(await petitionStatus(slug)).toEqual(before);
  }

  it("quietly drops a form whose hidden website field was filled in", async () => {
    await expectTrapped("filler@bots.example", { honeypot: "http://spam.example", formToken: await shownAt(5) }, "10.0.0.1");
  });

  it("quietly drops a form sent without the stamp the page gives it", async () => {
    await expectTrapped("stampless@bots.example", { honeypot: "" }, "10.0.0.2");
  });

  it("quietly drops a made-up stamp, and a real one whose time was moved back", async () => {
    const forged = `${now.getTime() - 10_000}.${"0".repeat(64)}`;
    await expectTrapped("forger@bots.example", { honeypot: "", formToken: forged }, "10.0.0.3");

    const [, signature] = (await shownAt(1)).split(".");
    const backdated = `${now.getTime() - 60_000}.${signature}`;
    await expectTrapped("backdater@bots.example", { honeypot: "", formToken: backdated }, "10.0.0.4");
  });

  it("quietly drops a form filled in faster than a person could", async () => {
    await expectTrapped("speedy@bots.example", { honeypot: "", formToken: await shownAt(1) }, "10.0.0.5");
  });

  it("counts a person who took five seconds over the form", async () => {
    const before = (await petitionStatus(slug))!;
    const outcome = await signPetition(slug, signer("human@people.example"), {
      clientAddress: "10.0.0.6",
      form: { honeypot: "", formToken: await shownAt(5) },
      now,
    });
    expect(outcome).toMatchObject({ kind: "signed", signerNumber: before.total + 1 });
    expect(storedEmails()).toContain("human@people.example");
    expect((await petitionStatus(slug))!.total).toBe(before.total + 1);
  });
});

describe("throwaway addresses", () => {
  it.each(["someone@mailinator.com", "someone@team7.mailinator.com", "someone@Guerrillamail.com"])(
    "refuses %s with a note on the email field and stores nothing",
    async (email) => {
      const before = await here();
      const outcome = await signPetition(slug, signer(email), { clientAddress: "10.0.1.1", now: at("2026-11-26T10:00:00Z") });
      expect(outcome).toEqual({ kind: "invalid", errors: { email: expect.stringMatching(/throwaway/) } });
      expect(storedEmails()).not.toContain(email);
      expect(await here()).toBe(before);
    },
  );
});
