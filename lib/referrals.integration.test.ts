import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prepareDatabase, storedRow } from "@/test/database";
import { linksIn } from "@/test/smtp-sink";
import { confirmWithLink } from "./confirmations";
import { mailWorker } from "./mail/outbox-worker";
import { setConfirmationRequired } from "./campaign-status";
import { referralCode, referralCount, referrerFrom } from "./referrals";
import { signCampaign, type SignOutcome } from "./signatures";
import { withdrawToken } from "./withdrawals";

// config() is read once, so the sink must be listening and named before any module reads it.
const sink = await vi.hoisted(async () => (await import("@/test/smtp-sink")).startMailServerForApp());

const slug = "white-helmets";
const organiser = "organiser@countersign.example";

const sign = (email: string, referral?: unknown) => signCampaign(slug, { fullName: "Rana Haddad", email, country: "SY" }, { referral });
const referrerOf = (email: string) => storedRow<{ referrer_id: number | null }>("select referrer_id from signatures where email = ?", email)!.referrer_id;
const idOf = (email: string) => storedRow<{ id: number }>("select id from signatures where email = ?", email)!.id;

function signed(outcome: SignOutcome) {
  if (outcome.kind !== "signed") throw new Error(`expected a signed outcome, got ${outcome.kind}`);
  return outcome;
}

let sharer: ReturnType<typeof signed>;

beforeAll(async () => {
  await prepareDatabase();
  await setConfirmationRequired(slug, false, organiser);
  sharer = signed(await sign("sharer@example.org"));
});
afterAll(async () => {
  await mailWorker().idle();
  await sink.stop();
});

describe("a signer's referral code", () => {
  it("is short and fit for a link, the same every time for one signature, and names it to us alone", () => {
    const id = idOf("sharer@example.org");
    expect(sharer.referralCode).toMatch(/^[A-Za-z0-9_-]{1,16}$/);
    expect(referralCode(id)).toBe(sharer.referralCode);
    expect(referrerFrom(sharer.referralCode)).toBe(id);
    expect(referralCode(id + 1)).not.toBe(sharer.referralCode);
  });

  it("ignores a forged, mangled or missing code, and signing goes on as if there were none", async () => {
    const code = sharer.referralCode;
    const flipped = `${code.slice(0, -1)}${code.endsWith("A") ? "B" : "A"}`;
    for (const raw of [flipped, code.slice(1), `${code}A`, "AAAAAAAAAAAAAAAA", "", 42, [code], { code }, null, undefined]) {
      expect(referrerFrom(raw), String(raw)).toBeUndefined();
    }
    expect(await sign("forged@example.org", flipped)).toMatchObject({ kind: "signed" });
    expect(referrerOf("forged@example.org")).toBeNull();
    expect(await sign("mangled@example.org", [code, code])).toMatchObject({ kind: "signed" });
    expect(referrerOf("mangled@example.org")).toBeNull();
  });
});

describe("counting what a share link brought", () => {
  it("counts a signer who came by the link once their signature counts, and only then", async () => {
    expect(await referralCount(sharer.referralStatsToken)).toBe(0);
    expect(await sign("friend@example.org", sharer.referralCode)).toMatchObject({ kind: "signed" });
    expect(referrerOf("friend@example.org")).toBe(idOf("sharer@example.org"));
    expect(await referralCount(sharer.referralStatsToken)).toBe(1);

    await setConfirmationRequired(slug, true, organiser);
    try {
      expect(await sign("cousin@example.org", sharer.referralCode)).toEqual({ kind: "pending" });
      expect(referrerOf("cousin@example.org")).toBe(idOf("sharer@example.org"));
      expect(await referralCount(sharer.referralStatsToken)).toBe(1);

      const confirmed = await confirmWithLink(linksIn(await sink.waitFor("cousin@example.org")).confirmToken!);
      expect(await referralCount(sharer.referralStatsToken)).toBe(2);
      // Confirming hands the new signer a code and token of their own, as signing at once does.
      expect(confirmed).toMatchObject({ kind: "confirmed", referralCode: referralCode(idOf("cousin@example.org")) });
      if (confirmed.kind !== "confirmed") return;
      expect(await referralCount(confirmed.referralStatsToken)).toBe(0);
    } finally {
      await setConfirmationRequired(slug, false, organiser);
    }
  });

  it("reads the count only with the sharer's private token: never with the public code, or another token", async () => {
    expect(sharer.referralStatsToken).not.toBe(sharer.referralCode);
    expect(sharer.referralStatsToken).not.toContain(sharer.referralCode);
    expect(await referralCount(sharer.referralCode)).toBeUndefined();
    expect(await referralCount(withdrawToken(idOf("sharer@example.org")))).toBeUndefined();
    expect(await referralCount(sharer.withdrawToken)).toBeUndefined();
    const token = sharer.referralStatsToken;
    expect(await referralCount(`${token.slice(0, 10)}${token[10] === "A" ? "B" : "A"}${token.slice(11)}`)).toBeUndefined();
    expect(await referralCount("")).toBeUndefined();
  });
});

describe("a repeat signature's referral code and token", () => {
  it("look like a new signer's, read as 0, and lead to nobody's count", async () => {
    const again = signed(await sign("SHARER@example.org"));
    expect(again.referralCode).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(again.referralCode).toHaveLength(sharer.referralCode.length);
    expect(again.referralStatsToken).toHaveLength(sharer.referralStatsToken.length);
    expect(again.referralCode).not.toBe(sharer.referralCode);
    expect(await referralCount(again.referralStatsToken)).toBe(0);
    expect(await referralCount(again.referralCode)).toBeUndefined();

    // Someone who comes by the decoy's link is counted for the decoy, as for a real code, and for no signer.
    const before = await referralCount(sharer.referralStatsToken);
    expect(await sign("decoy-friend@example.org", again.referralCode)).toMatchObject({ kind: "signed" });
    expect(referrerOf("decoy-friend@example.org")).toBeLessThan(0);
    expect(await referralCount(again.referralStatsToken)).toBe(1);
    expect(await referralCount(sharer.referralStatsToken)).toBe(before);

    // Each repeat is given a decoy of its own.
    const third = signed(await sign("sharer@example.org"));
    expect(third.referralCode).not.toBe(again.referralCode);
    expect(await referralCount(third.referralStatsToken)).toBe(0);
  });
});
