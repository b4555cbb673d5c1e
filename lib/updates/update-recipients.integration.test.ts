import { stores } from "@/lib/stores";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prepareDatabase, storedRow, storedRows, writeRows } from "@/test/database";
import { linksIn } from "@/test/smtp-sink";
import { confirmWithLink } from "../confirmations";
import { runImport, stageImport } from "../imports/imports";
import { mailWorker } from "../mail/outbox-worker";
import { setConfirmationRequired } from "../campaign-status";
import { signCampaign } from "../signatures";
import { sendUpdate, updateRecipientCount } from "./send-update";

// config() is read once, so the sink must be listening and named before any module reads it.
const sink = await vi.hoisted(async () => (await import("@/test/smtp-sink")).startMailServerForApp());

const slug = "white-helmets";
const organiser = "organiser@example.org";
const draft = (subject: string) => ({ subject, bodyMarkdown: "The committee meets on Friday.", showOnPage: false });
const updateMailTo = (email: string) => sink.received(email).filter((m) => m.headers["list-unsubscribe"]);
const signatureOf = (email: string) => storedRow<{ id: number; petition_id: number; confirmed_at: unknown }>("select * from signatures where email = ?", email)!;

// From another platform: one signer who ticked its "keep me updated", one who did not.
const imported = ["Name;Email;Country;Opt-in", "Rana Khalil;rana@example.org;SY;yes", "Jonas Berg;jonas@example.org;SE;no"].join("\r\n");

beforeAll(async () => {
  await prepareDatabase();
  // Amal confirms through the emailed link: her address is hers.
  expect(await signCampaign(slug, { fullName: "Amal Khoury", email: "amal@example.org", country: "SY", wantsUpdates: true })).toEqual({ kind: "pending" });
  expect(await confirmWithLink(linksIn(await sink.waitFor("amal@example.org", 1)).confirmToken!)).toMatchObject({ kind: "confirmed" });

  const staged = await stageImport(slug, { name: "other-platform.csv", bytes: new TextEncoder().encode(imported) }, organiser);
  if (staged.kind !== "staged") throw new Error(`expected the file staged, got ${staged.kind}`);
  const mapping = { fullName: "0", email: "1", country: "2", wantsUpdates: "3" };
  expect(await runImport(slug, staged.importId, mapping, organiser)).toMatchObject({ kind: "imported" });

  // With confirmation off, anyone may type anyone's address and tick the box.
  await setConfirmationRequired(slug, false, organiser);
  expect(await signCampaign(slug, { fullName: "Someone Else", email: "stranger@example.org", country: "LB", wantsUpdates: true })).toMatchObject({ kind: "signed" });
  expect(signatureOf("stranger@example.org").confirmed_at).toBeNull();
  await mailWorker().idle();
});

afterAll(async () => {
  await mailWorker().idle();
  await sink.stop();
});

describe("who an update reaches", () => {
  it("counts, queues and sends to the email-confirmed and the imported who opted in, never to an address nobody proved", async () => {
    expect(await updateRecipientCount(slug)).toBe(2);
    const outcome = await sendUpdate(slug, draft("The vote is near"), organiser);
    expect(outcome).toMatchObject({ kind: "sent", recipients: 2 });
    const updateId = outcome.kind === "sent" ? outcome.updateId : 0;
    expect(storedRows<{ to_address: string }>("select to_address from outbox where update_id = ? order by to_address", updateId).map((r) => r.to_address)).toEqual([
      "amal@example.org",
      "rana@example.org",
    ]);

    expect((await sink.waitFor("amal@example.org", 2)).subject).toBe("The vote is near");
    expect((await sink.waitFor("rana@example.org", 1)).subject).toBe("The vote is near");
    await mailWorker().idle();
    expect(updateMailTo("stranger@example.org")).toEqual([]);
    expect(updateMailTo("jonas@example.org")).toEqual([]);
  });

  it("drops at sending a message an older rule queued for an address nobody proved", async () => {
    const stranger = signatureOf("stranger@example.org");
    const now = new Date();
    const updateId = await stores().updates.insertUpdate({ campaignId: stranger.petition_id, ...draft("Queued before the rule"), sentBy: organiser, createdAt: now });
    writeRows(
      `insert into outbox (signature_id, kind, to_address, subject, body, attempts, next_attempt_at, created_at, update_id)
       values (?, 'update', ?, ?, '', 0, ?, ?, ?)`,
      stranger.id,
      "stranger@example.org",
      "Queued before the rule",
      now,
      now,
      updateId,
    );

    mailWorker().kick();
    await mailWorker().idle();
    expect(updateMailTo("stranger@example.org")).toEqual([]);
    expect(storedRows("select id from outbox where update_id = ?", updateId)).toEqual([]);
  });
});
