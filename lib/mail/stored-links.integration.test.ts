import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { prepareDatabase, storedRow, storedRows, writeRows } from "@/test/database";
import { linksIn, publicUrl, type ReceivedMail } from "@/test/smtp-sink";
import { createOrganiser } from "../auth/organiser-accounts";
import { describeInvitation, inviteOrganiser } from "../auth/invitations";
import { setConfirmationRequired } from "../campaign-status";
import { confirmWithCode, confirmWithLink, describeConfirmationLink } from "../confirmations";
import { logger } from "../log";
import { release, signatureChoice } from "../moderation";
import { referralCount } from "../referrals";
import { deriveSecretKey } from "../secrets";
import { signCampaign } from "../signatures";
import { openText, sealText } from "../tokens";
import { sendTestUpdate, sendUpdate } from "../updates/send-update";
import { isUnsubscribeToken } from "../updates/unsubscribe";
import { signatureIdOf, withdraw } from "../withdrawals";
import { mailWorker } from "./outbox-worker";

// config() is read once, so the sink must be listening and named before any module reads it.
const sink = await vi.hoisted(async () => (await import("@/test/smtp-sink")).startMailServerForApp());

// What a leaked backup gives: the rows of the outbox, read straight from the database.
const slug = "white-helmets";
const owner = { id: 0, email: "owner@example.org", role: "owner" as const };
const outboxRows = (email: string) => storedRows<Record<string, unknown>>("select * from outbox where to_address = ? order by id", email);

/** Every run of link-safe characters long enough to be a token, as anyone reading the rows would try them. */
const candidates = (rows: unknown[]) => [...new Set(JSON.stringify(rows).match(/[A-Za-z0-9_-]{16,}/g) ?? [])];

/** Whether any candidate opens anything: a confirm, withdraw, unsubscribe, invitation or referral-count link. */
async function workingLinks(rows: unknown[]): Promise<string[]> {
  const working: string[] = [];
  for (const token of candidates(rows)) {
    const opens =
      (await describeConfirmationLink(token)).kind !== "unknown" ||
      signatureIdOf(token) !== undefined ||
      isUnsubscribeToken(token) ||
      (await describeInvitation(token)).kind !== "unknown" ||
      (await referralCount(token)) !== undefined;
    if (opens) working.push(token);
  }
  return working;
}

/**
 * Holds the mail server's "250 OK" while `queue` runs, so the message is in the inbox and its row
 * still waits in the outbox: what that row holds, and the mail as delivered.
 */
async function whileQueued(email: string, queue: () => Promise<unknown>, nth = 1): Promise<{ rows: Record<string, unknown>[]; mail: ReceivedMail }> {
  sink.holdReplies();
  await queue();
  const mail = await sink.waitFor(email, nth);
  const rows = outboxRows(email).filter((row) => row.sent_at === null);
  sink.releaseReplies();
  await mailWorker().idle();
  return { rows, mail };
}

/** The stored rows name none of the mail's secrets, and nothing in them opens any link. */
async function expectNoSecretIn(rows: Record<string, unknown>[], secrets: (string | undefined)[]) {
  expect(rows.length).toBeGreaterThan(0);
  const text = JSON.stringify(rows);
  for (const secret of secrets) {
    expect(secret).toBeTruthy();
    expect(text).not.toContain(secret);
  }
  expect(text).not.toContain(publicUrl);
  expect(await workingLinks(rows)).toEqual([]);
}

beforeAll(async () => {
  await prepareDatabase();
  await createOrganiser(owner.email, "a long organiser password", "owner");
  owner.id = storedRow<{ id: number }>("select id from admins where email = ?", owner.email)!.id;
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});
afterAll(async () => {
  await mailWorker().idle();
  await sink.stop();
});

describe("the outbox as a leaked backup shows it", () => {
  it("holds no working confirm, code or withdraw link of a signer's confirmation, and the delivered one works", async () => {
    const email = "yara@example.org";
    const { rows, mail } = await whileQueued(email, () => signCampaign(slug, { fullName: "Yara Saad", email, country: "SY" }));
    const { confirmToken, code, withdrawToken } = linksIn(mail);
    await expectNoSecretIn(rows, [confirmToken, code, withdrawToken]);

    // Sent: nothing of it is kept. The link itself works as ever.
    expect(outboxRows(email)).toEqual([expect.objectContaining({ body: "", sent_at: expect.anything() })]);
    expect(await confirmWithLink(confirmToken!)).toMatchObject({ kind: "confirmed", firstName: "Yara" });
    expect(signatureIdOf(withdrawToken!)).toBeDefined();
  });

  it("holds none of a renewed link, nor of the note to an address that has signed", async () => {
    const email = "fadi@example.org";
    const signer = { fullName: "Fadi Nasr", email, country: "LB" };
    const first = await whileQueued(email, () => signCampaign(slug, signer));
    // A new link goes at most once a minute.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 61_000);
    const renewed = await whileQueued(email, () => signCampaign(slug, signer), 2);
    const links = linksIn(renewed.mail);
    await expectNoSecretIn(renewed.rows, [links.confirmToken, links.code, links.withdrawToken]);
    expect(await confirmWithCode(slug, email, links.code!)).toMatchObject({ kind: "confirmed" });

    const note = await whileQueued(email, () => signCampaign(slug, signer), 3);
    expect(note.mail.subject).toMatch(/already signed/i);
    await expectNoSecretIn(note.rows, [linksIn(note.mail).withdrawToken]);
    expect(await withdraw(linksIn(first.mail).withdrawToken!)).toMatchObject({ slug });
  });

  it("holds none of a thank-you's links when confirmation is off, nor of a released signature's confirmation", async () => {
    await setConfirmationRequired(slug, false, owner.email);
    const thanked = "rima@example.org";
    const thanks = await whileQueued(thanked, () => signCampaign(slug, { fullName: "Rima Daher", email: thanked, country: "JO" }));
    await expectNoSecretIn(thanks.rows, [linksIn(thanks.mail).withdrawToken]);
    await setConfirmationRequired(slug, true, owner.email);

    // Caught by the bot trap, then judged a person: the confirmation goes out on release.
    const caught = "tarek@example.org";
    await signCampaign(slug, { fullName: "Tarek Issa", email: caught, country: "SY" }, { form: { honeypot: "https://spam.example" } });
    const released = await whileQueued(caught, () => release(slug, signatureChoice.parse({ suspected: true }), owner.email));
    const links = linksIn(released.mail);
    await expectNoSecretIn(released.rows, [links.confirmToken, links.code, links.withdrawToken]);
    expect(await confirmWithLink(links.confirmToken!)).toMatchObject({ kind: "confirmed" });
  });

  it("holds no working invitation link, which would make an organiser", async () => {
    const email = "new.owner@example.org";
    const { rows, mail } = await whileQueued(email, () => inviteOrganiser(email, "owner", owner));
    const token = new RegExp(`${publicUrl.replace(/\./g, "\\.")}/admin/invitation/([A-Za-z0-9_-]+)`).exec(mail.text)?.[1];
    await expectNoSecretIn(rows, [token]);
    expect(await describeInvitation(token!)).toMatchObject({ kind: "open", email, role: "owner" });
  });

  it("holds no unsubscribe link of an update or its test, which are written when sent", async () => {
    const test = await whileQueued(owner.email, () => sendTestUpdate(slug, { subject: "Test", bodyMarkdown: "Hello", showOnPage: false }, owner.email));
    await expectNoSecretIn(test.rows, []);

    const email = "yara@example.org";
    writeRows("update signatures set wants_updates = ? where email = ?", true, email);
    const update = await whileQueued(email, () => sendUpdate(slug, { subject: "News", bodyMarkdown: "The vote is near.", showOnPage: false }, owner.email), 2);
    const token = /\/api\/unsubscribe\/([A-Za-z0-9_-]+)>/.exec(update.mail.headers["list-unsubscribe"]!)?.[1];
    await expectNoSecretIn(update.rows, [token]);
    expect(isUnsubscribeToken(token!)).toBe(true);
  });

  it("keeps nothing of a message it gave up on", async () => {
    const email = "hiba@example.org";
    vi.spyOn(logger(), "error").mockImplementation(() => {});
    sink.refuseNext(6);
    await signCampaign(slug, { fullName: "Hiba Aoun", email, country: "SY" });
    await mailWorker().idle();
    expect(candidates(outboxRows(email)).length).toBeGreaterThan(0);
    vi.useFakeTimers({ toFake: ["Date"] });
    for (let attempt = 2; attempt <= 6; attempt++) {
      vi.setSystemTime(Number(outboxRows(email)[0]!.next_attempt_at) + 1000);
      mailWorker().kick();
      await mailWorker().idle();
    }
    expect(outboxRows(email)).toEqual([expect.objectContaining({ attempts: 6, failed_at: expect.anything(), body: "" })]);
    expect(await workingLinks(outboxRows(email))).toEqual([]);
  });

  it("gives up at once, sending nothing, on a body sealed under another SECRET_KEY", async () => {
    const email = "old-key@example.org";
    vi.spyOn(logger(), "error").mockImplementation(() => {});
    const otherKey = deriveSecretKey("a key this site used before, long enough", "mail-body");
    const sealed = `sealed:${sealText(otherKey, `mail-body\n${email}`, "Hello,\n\nhttps://sign.example.org/en/confirm/x\n")}`;
    expect(openText(otherKey, `mail-body\n${email}`, sealed.slice("sealed:".length))).toContain("Hello");
    const now = Date.now();
    writeRows(
      "insert into outbox (kind, to_address, subject, body, attempts, next_attempt_at, created_at) values ('confirmation', ?, 'Confirm', ?, 0, ?, ?)",
      email,
      sealed,
      new Date(now - 1000),
      new Date(now - 1000),
    );
    mailWorker().kick();
    await mailWorker().idle();
    expect(outboxRows(email)).toEqual([
      expect.objectContaining({ attempts: 1, body: "", failed_at: expect.anything(), last_error: expect.stringContaining("SECRET_KEY") }),
    ]);
    expect(sink.received(email)).toEqual([]);
  });
});
