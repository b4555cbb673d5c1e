import { stores } from "./stores";
import { beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase, storedRows } from "@/test/database";
import { eraseSignaturesByEmail, findSignaturesByEmail } from "./erasure";
import { liveSnapshot, campaignStatus } from "./campaign-status";
import { signCampaign } from "./signatures";
import { unsubscribe, unsubscribeToken } from "./updates/unsubscribe";
import { withdraw, withdrawToken } from "./withdrawals";

const slug = "white-helmets";
const secondSlug = "clean-water";
const organiser = "organiser@countersign.example";

// Layla signed both campaigns, publicly and with a comment, with a +tag the first time.
const layla = {
  fullName: "Layla Haddad",
  email: "Layla.Haddad+petition@gmail.com",
  country: "LB",
  comment: "I grew up two streets from the bakery in Aleppo.",
  showName: "on",
  wantsUpdates: "on",
};

const rowsFor = (where: string, ...params: unknown[]) => storedRows<Record<string, unknown>>(`select * from signatures where ${where}`, ...params);
const erasureAudit = () => storedRows<Record<string, unknown>>("select * from audit_events where action = 'erase' order by id");

async function listedNames(which: string): Promise<string[]> {
  const snapshot = await liveSnapshot(which);
  if (!snapshot || snapshot === "unchanged") throw new Error(`${which} should have a snapshot`);
  return snapshot.recentSigners.map((s) => s.name);
}

beforeAll(async () => {
  await prepareDatabase();
  await stores().campaigns.upsertCampaign({
    slug: secondSlug,
    title: "Clean water for Idlib",
    ask: "Fund the pumping stations.",
    goal: 1000,
    storyHeadline: "Water",
    storyMarkdown: "The pumps stopped in March.",
  });
  await signCampaign(slug, { fullName: "Omar Nassar", email: "Omar@Example.org", country: "SY", showName: "on" });
  expect((await signCampaign(slug, layla)).kind).toBe("signed");
  expect((await signCampaign(secondSlug, { ...layla, email: "laylahaddad@googlemail.com" })).kind).toBe("signed");
});

describe("a signer's request to be forgotten", () => {
  it("finds every signature of one mailbox however the request spells the address", async () => {
    for (const asked of ["layla.haddad@gmail.com", "LAYLAHADDAD+gdpr@GoogleMail.com", " Layla.Haddad@gmail.com "]) {
      const found = await findSignaturesByEmail(asked);
      expect(found.map((s) => s.slug).sort()).toEqual([secondSlug, slug]);
      expect(found.every((s) => s.fullName === "Layla Haddad")).toBe(true);
    }
    expect(await findSignaturesByEmail("omar@example.org")).toHaveLength(1);
    expect(await findSignaturesByEmail("omar+other@example.org")).toHaveLength(0);
  });

  it("deletes her rows outright, takes them off both counts and off the public list", async () => {
    const ids = (await findSignaturesByEmail("layla.haddad@gmail.com")).map((s) => s.id);
    const before = { first: (await campaignStatus(slug))!, second: (await campaignStatus(secondSlug))! };
    expect(await listedNames(slug)).toContain("Layla H.");

    expect(await eraseSignaturesByEmail("LaylaHaddad@gmail.com", organiser)).toBe(2);

    expect(rowsFor("email_key = ?", "laylahaddad@gmail.com")).toEqual([]);
    expect(rowsFor(`id in (${ids.map(() => "?").join(",")})`, ...ids)).toEqual([]);
    expect(rowsFor("full_name like ? or comment like ?", "%Layla%", "%bakery%")).toEqual([]);
    expect(await findSignaturesByEmail("layla.haddad@gmail.com")).toEqual([]);

    expect((await campaignStatus(slug))!.total).toBe(before.first.total - 1);
    expect((await campaignStatus(secondSlug))!.signaturesHere).toBe(before.second.signaturesHere - 1);
    expect(await listedNames(slug)).not.toContain("Layla H.");
    expect(await listedNames(slug)).toContain("Omar N.");
  });

  it("records that an erasure happened and how many rows went, without naming her", () => {
    const [event, ...more] = erasureAudit();
    expect(more).toEqual([]);
    expect(event).toMatchObject({ actor: organiser, action: "erase", row_count: 2 });
    const written = JSON.stringify(event).toLowerCase();
    for (const trace of ["layla", "haddad", "laylahaddad", "gmail", "bakery"]) expect(written).not.toContain(trace);
  });

  it("erases nothing, and says so in the log, when the address never signed", async () => {
    const before = (await campaignStatus(slug))!.total;
    expect(await eraseSignaturesByEmail("nobody@example.org", organiser)).toBe(0);
    expect((await campaignStatus(slug))!.total).toBe(before);
    expect(erasureAudit().at(-1)).toMatchObject({ action: "erase", row_count: 0 });
    expect(JSON.stringify(erasureAudit().at(-1))).not.toContain("nobody");
  });

  it("leaves her free to sign again later, as a new signature", async () => {
    const outcome = await signCampaign(slug, { ...layla, comment: undefined });
    expect(outcome.kind).toBe("signed");
    expect(rowsFor("email_key = ?", "laylahaddad@gmail.com")).toHaveLength(1);
  });

  it("forgets her unsubscribes from updates too, even one a withdrawal kept, and no one else's", async () => {
    const signed = async (which: string, email: string) => {
      const outcome = await signCampaign(which, { fullName: "Sami Aziz", email, country: "JO", wantsUpdates: "on" });
      if (outcome.kind !== "signed") throw new Error(`expected signed, got ${outcome.kind}`);
      return rowsFor("email = ?", email)[0]!.id as number;
    };
    const here = await signed(slug, "sami@example.org");
    const there = await signed(secondSlug, "Sami@Example.org");
    await unsubscribe(unsubscribeToken(here));
    await unsubscribe(unsubscribeToken(there));
    await withdraw(withdrawToken(there));
    const other = (await findSignaturesByEmail("omar@example.org"))[0]!.id;
    await unsubscribe(unsubscribeToken(other));
    const unsubscribes = (key: string) => storedRows("select * from update_unsubscribes where email_key = ?", key);
    expect(unsubscribes("sami@example.org")).toHaveLength(2);

    expect(await eraseSignaturesByEmail("SAMI@example.org", organiser)).toBe(1);
    expect(unsubscribes("sami@example.org")).toEqual([]);
    expect(unsubscribes("omar@example.org")).toHaveLength(1);
  });
});
