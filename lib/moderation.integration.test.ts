import { beforeAll, describe, expect, it } from "vitest";
import { csvText, prepareDatabase, storedRows } from "@/test/database";
import { issueFormToken } from "./bot-checks";
import { block, invalidate, listBlockedEmails, previewChoice, release, signatureChoice, unblock } from "./moderation";
import { liveSnapshot, campaignStatus } from "./campaign-status";
import { signatureExport } from "./signature-export";
import { signCampaign } from "./signatures";
import type { SignatureStatus } from "./domain/model";

const slug = "white-helmets";
const organiser = "organiser@countersign.example";

type Seed = { name: string; email: string; address: string; at: string };

// Three genuine signers, then a burst from one farm on the night of the 25th, a later pair from
// the same farm's domain, and one later signer who shares the farm's address.
const seeds: Seed[] = [
  { name: "Amina Khalil", email: "amina@gmail.com", address: "198.51.100.2", at: "2026-11-25T10:00:00Z" },
  { name: "Raed Saleh", email: "raed@gmail.com", address: "198.51.100.3", at: "2026-11-25T10:05:00Z" },
  { name: "Lina Barakat", email: "lina@ngo.example", address: "198.51.100.4", at: "2026-11-25T11:00:00Z" },
  { name: "Quentin Later", email: "q1@botfarm.example", address: "192.0.2.44", at: "2026-11-26T09:00:00Z" },
  { name: "Rupert Later", email: "q2@botfarm.example", address: "192.0.2.44", at: "2026-11-26T09:01:00Z" },
  { name: "Sami Haddad", email: "sami@ngo.example", address: "203.0.113.7", at: "2026-11-26T12:00:00Z" },
  { name: "Walt Farm", email: "w@botfarm.example", address: "203.0.113.7", at: "2026-11-25T03:00:00Z" },
  { name: "Xavier Farm", email: "x@botfarm.example", address: "203.0.113.7", at: "2026-11-25T03:01:00Z" },
  { name: "Yusuf Farm", email: "y@botfarm.example", address: "203.0.113.7", at: "2026-11-25T03:02:00Z" },
  { name: "Zed Farm", email: "z@BotFarm.example", address: "203.0.113.7", at: "2026-11-25T03:03:00Z" },
];
const farmNight = { emailDomain: "Botfarm.example", from: "2026-11-25T00:00", to: "2026-11-26T00:00" };
const farmNightEmails = ["w@botfarm.example", "x@botfarm.example", "y@botfarm.example", "z@BotFarm.example"];

const sign = (email: string, fullName = "Nour Aziz") => signCampaign(slug, { fullName, email, country: "SY", showName: "on" });

const statuses = () =>
  Object.fromEntries(storedRows<{ email: string; status: string }>("select email, status from signatures").map((r) => [r.email, r.status]));
const auditRows = (action: string) =>
  storedRows("select actor, petition_slug, detail, row_count from audit_events where action = ? order by id", action);

async function exported(included?: SignatureStatus[]): Promise<string> {
  const found = await signatureExport(slug, { actor: organiser, statuses: included });
  const text = await csvText(found!.chunks);
  return text;
}

async function listedNames(): Promise<string[]> {
  const snapshot = await liveSnapshot(slug);
  if (!snapshot || snapshot === "unchanged") throw new Error("white-helmets should have a snapshot");
  return snapshot.recentSigners.map((s) => s.name);
}

beforeAll(async () => {
  await prepareDatabase();
  for (const s of seeds) {
    const outcome = await signCampaign(
      slug,
      { fullName: s.name, email: s.email, country: "SY", showName: "on" },
      { clientAddress: s.address, now: new Date(s.at) },
    );
    expect(outcome.kind).toBe("signed");
  }
});

describe("bulk invalidation", () => {
  it("previews exactly how many signatures a filter would take off, and changes nothing", async () => {
    const before = { status: await campaignStatus(slug), rows: statuses() };
    expect(await previewChoice(slug, signatureChoice.parse({ clientAddress: "203.0.113.7" }))).toBe(5);
    expect(await previewChoice(slug, signatureChoice.parse({ emailDomain: "botfarm.example" }))).toBe(6);
    expect(await campaignStatus(slug)).toEqual(before.status);
    expect(statuses()).toEqual(before.rows);
  });

  it("narrows to the signatures that match every filter chosen", async () => {
    const night = signatureChoice.parse({ clientAddress: "", ...farmNight });
    expect(await previewChoice(slug, night)).toBe(4);
    const nightFromAddress = signatureChoice.parse({ clientAddress: "203.0.113.7", from: "2026-11-26T00:00", to: "" });
    expect(await previewChoice(slug, nightFromAddress)).toBe(1);
  });

  it("refuses a filter with nothing chosen, and a time it cannot read", () => {
    const empty = signatureChoice.safeParse({ clientAddress: " ", emailDomain: "", from: "", to: "", filledUnderSeconds: "" });
    expect(empty.success).toBe(false);
    expect(empty.error?.issues[0]?.message).toMatch(/at least one/);
    expect(signatureChoice.safeParse({ from: "last tuesday" }).success).toBe(false);
  });

  it("takes a farm's night of signatures off the count, keeps them stored, and audits who did it", async () => {
    const filter = signatureChoice.parse({ clientAddress: "", ...farmNight });
    const before = (await campaignStatus(slug))!;
    expect(await listedNames()).toEqual(expect.arrayContaining(["Walt F.", "Xavier F.", "Yusuf F.", "Zed F."]));

    expect(await invalidate(slug, filter, organiser)).toBe(4);

    const after = (await campaignStatus(slug))!;
    expect(after.total).toBe(before.total - 4);
    expect(after.signaturesHere).toBe(before.signaturesHere - 4);
    const rows = statuses();
    for (const email of farmNightEmails) expect(rows[email]).toBe("invalidated");
    expect(Object.values(rows).filter((s) => s === "invalidated")).toHaveLength(4);

    const names = await listedNames();
    for (const name of ["Walt F.", "Xavier F.", "Yusuf F.", "Zed F."]) expect(names).not.toContain(name);
    expect(names).toContain("Quentin L.");

    const standard = await exported();
    for (const email of farmNightEmails) expect(standard).not.toContain(email);
    expect(standard).toContain("q1@botfarm.example");
    const everything = await exported(["confirmed", "invalidated"]);
    for (const email of farmNightEmails) expect(everything).toContain(`${email},`);

    expect(auditRows("invalidate")).toEqual([
      {
        actor: organiser,
        petition_slug: slug,
        detail: expect.stringContaining("email domain botfarm.example"),
        row_count: 4,
      },
    ]);
  });

  it("does not take invalidated signatures off the count a second time", async () => {
    const filter = signatureChoice.parse(farmNight);
    const before = await campaignStatus(slug);
    expect(await previewChoice(slug, filter)).toBe(0);
    expect(await invalidate(slug, filter, organiser)).toBe(0);
    expect((await campaignStatus(slug))!.total).toBe(before!.total);
  });
});

describe("time to fill and the bot trap", () => {
  const filled = (email: string, seconds: number, honeypot = "") => {
    const now = new Date();
    return signCampaign(slug, { fullName: "Form Filler", email, country: "SY" }, {
      form: { honeypot, formToken: issueFormToken(now.getTime() - seconds * 1000) },
      now,
    });
  };

  it("invalidates the signatures filled in under a number of seconds, after showing how many", async () => {
    for (const [email, seconds] of [["quick1@fill.example", 1], ["quick2@fill.example", 2], ["slow@fill.example", 40]] as const) {
      expect((await filled(email, seconds)).kind).toBe("signed");
    }
    const quick = signatureChoice.parse({ filledUnderSeconds: "3" });
    expect(await previewChoice(slug, quick)).toBe(2);
    const before = (await campaignStatus(slug))!.total;
    expect(await invalidate(slug, quick, organiser)).toBe(2);
    expect((await campaignStatus(slug))!.total).toBe(before - 2);
    expect(statuses()).toMatchObject({ "quick1@fill.example": "invalidated", "quick2@fill.example": "invalidated", "slow@fill.example": "confirmed" });
    expect(signatureChoice.safeParse({ filledUnderSeconds: "soon" }).error?.issues[0]?.message).toMatch(/number of seconds/);
  });

  it("shows the bot trap's catches apart, and releases them into the count when an organiser judges them real", async () => {
    for (const email of ["trapped1@fill.example", "trapped2@fill.example"]) await filled(email, 8, "https://spam.example");
    const suspected = signatureChoice.parse({ suspected: true });
    expect(await previewChoice(slug, suspected)).toBe(2);
    expect(await exported()).not.toContain("trapped1@fill.example");
    expect(await exported(["confirmed", "suspected"])).toContain("trapped1@fill.example");

    const before = (await campaignStatus(slug))!.total;
    expect(await release(slug, suspected, organiser)).toBe(2);
    expect((await campaignStatus(slug))!.total).toBe(before + 2);
    expect(statuses()).toMatchObject({ "trapped1@fill.example": "confirmed", "trapped2@fill.example": "confirmed" });
    expect(await previewChoice(slug, suspected)).toBe(0);
    expect(auditRows("release")).toEqual([{ actor: organiser, petition_slug: slug, detail: "suspected", row_count: 2 }]);
  });

  it("invalidates the bot trap's catches in bulk, leaving the count as it was", async () => {
    await filled("trapped3@fill.example", 8, "https://spam.example");
    const before = (await campaignStatus(slug))!.total;
    expect(await invalidate(slug, signatureChoice.parse({ suspected: true }), organiser)).toBe(1);
    expect((await campaignStatus(slug))!.total).toBe(before);
    expect(statuses()["trapped3@fill.example"]).toBe("invalidated");
  });
});

describe("block list", () => {
  it("refuses every address at a blocked domain, however it is capitalised, until it is unblocked", async () => {
    await block("spam.example", organiser);
    for (const email of ["x@spam.example", "x@SPAM.example"]) {
      expect(await sign(email)).toEqual({ kind: "invalid", errors: { email: "email-blocked" } });
    }
    expect(Object.keys(statuses())).not.toContain("x@spam.example");
    expect((await sign("x@notspam.example")).kind).toBe("signed");

    const entry = (await listBlockedEmails()).find((e) => e.value === "spam.example");
    await unblock(entry!.id, organiser);
    expect((await sign("x@SPAM.example")).kind).toBe("signed");
  });

  it("refuses one blocked mailbox however its address is dressed up, but not its neighbours", async () => {
    expect(await block("Some.One+tag@gmail.com", organiser)).toEqual({ kind: "address", value: "someone@gmail.com" });
    // Gmail ignores dots and +tags, so these all reach the blocked mailbox.
    for (const email of ["someone@gmail.com", "S.o.m.e.One+petition@googlemail.com"]) {
      expect(await sign(email)).toEqual({ kind: "invalid", errors: { email: "email-blocked" } });
    }
    // someone.one@ is "someoneone@": another person's mailbox.
    expect((await sign("someone.one@gmail.com")).kind).toBe("signed");

    const entry = (await listBlockedEmails()).find((e) => e.value === "someone@gmail.com");
    await unblock(entry!.id, organiser);
    expect((await sign("someone@gmail.com")).kind).toBe("signed");
  });

  it("records each block and unblock with who made it", () => {
    expect(auditRows("block")).toEqual([
      { actor: organiser, petition_slug: null, detail: "blocked domain spam.example", row_count: 0 },
      { actor: organiser, petition_slug: null, detail: "blocked address someone@gmail.com", row_count: 0 },
    ]);
    expect(auditRows("unblock")).toEqual([
      { actor: organiser, petition_slug: null, detail: "unblocked domain spam.example", row_count: 0 },
      { actor: organiser, petition_slug: null, detail: "unblocked address someone@gmail.com", row_count: 0 },
    ]);
  });
});
