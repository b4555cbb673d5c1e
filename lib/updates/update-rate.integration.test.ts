import { stores } from "@/lib/stores";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { emailKey } from "@/lib/domain/email-key";
import { prepareDatabase, storedRow, writeRows } from "@/test/database";
import { mailWorker } from "../mail/outbox-worker";
import { signCampaign } from "../signatures";

// config() is read once: the sink and the rate must be set before any module reads it.
const sink = await vi.hoisted(async () => {
  process.env.UPDATE_SEND_PER_MINUTE = "120";
  return (await import("@/test/smtp-sink")).startMailServerForApp();
});

const slug = "white-helmets";
const campaignId = () => storedRow<{ id: number }>("select id from petitions where slug = ?", slug)!.id;
const signers = 10;
const address = (i: number) => `reader${i}@rate.example.org`;

beforeAll(async () => {
  await prepareDatabase();
  await stores().signatures.insertSeedSignatures(campaignId(), signers, (i) => ({
    fullName: `Reader ${i}`,
    email: address(i),
    emailKey: emailKey(address(i)),
    emailDomain: "rate.example.org",
    country: "SY",
    comment: null,
    showName: false,
    wantsUpdates: true,
  }));
});
afterAll(async () => {
  await mailWorker().idle();
  await sink.stop();
});

const newUpdate = async (subject: string) =>
  stores().updates.insertUpdate({ campaignId: campaignId(), subject, bodyMarkdown: "News.", showOnPage: false, sentBy: "organiser@example.org", createdAt: new Date() });

describe("the update send rate", () => {
  it("is one pace shared by every claimer: a second process asking at the same moment gets nothing until the next slot", async () => {
    const updateId = await newUpdate("Pace");
    // In the past, so the pace it leaves behind does not hold back the next test.
    const now = new Date(Date.now() - 60_000);
    await stores().updates.queueUpdateBatch(updateId, 1_000, new Date(now.getTime() - 1_000));
    // 120 a minute is one every 500 ms; at most a second's worth goes at once after a pause.
    const first = await stores().updates.claimUpdateMail(now, 20, 60_000, 120);
    const second = await stores().updates.claimUpdateMail(now, 20, 60_000, 120);
    expect(first.deliveries).toHaveLength(3);
    expect(second).toEqual({ deliveries: [], nextAt: new Date(now.getTime() + 500) });
    const later = await stores().updates.claimUpdateMail(new Date(now.getTime() + 1_000), 20, 60_000, 120);
    expect(later.deliveries).toHaveLength(2);
    writeRows("delete from outbox where update_id = ?", updateId);
  });

  it("sends at the configured rate, and a signer's confirmation goes out ahead of the updates still waiting", async () => {
    const updateId = await newUpdate("Rate");
    await stores().updates.queueUpdateBatch(updateId, 1_000, new Date());
    const started = Date.now();
    mailWorker().kick();
    await sink.waitFor(address(0), 1, 10_000);

    expect(await signCampaign(slug, { fullName: "Nour Hamdan", email: "nour@example.org", country: "SY" })).toEqual({ kind: "pending" });
    await sink.waitFor("nour@example.org");
    const updatesBeforeConfirmation = sink.messages.filter((m) => m.subject === "Rate").length;
    expect(updatesBeforeConfirmation).toBeLessThan(signers);

    for (let i = 0; i < signers; i++) await sink.waitFor(address(i), 1, 15_000);
    const elapsed = Date.now() - started;
    // Ten messages at 500 ms apart, the first three at once: at least 3.5 s, and not much more.
    expect(elapsed).toBeGreaterThanOrEqual(3_400);
    expect(elapsed).toBeLessThan(8_000);
  });
});
