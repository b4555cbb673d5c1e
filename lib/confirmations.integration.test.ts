import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { csvText, prepareDatabase, storedRows } from "@/test/database";
import { linksIn, publicUrl } from "@/test/smtp-sink";
import { confirmWithCode, confirmWithLink, describeConfirmationLink, maxCodeAttempts } from "./confirmations";
import { campaignDashboard } from "./dashboard";
import { mailWorker } from "./mail/outbox-worker";
import { roundedPendingFigure, publishPendingFigures } from "./pending-figure";
import { liveSnapshot, campaignStatus } from "./campaign-status";
import { signatureExport } from "./signature-export";
import { signCampaign } from "./signatures";

// config() is read once, so the sink must be listening and named before any module reads it.
const sink = await vi.hoisted(async () => (await import("@/test/smtp-sink")).startMailServerForApp());

const slug = "white-helmets";
const elsewhere = 325_000;
const minute = 60_000;
const day = 24 * 60 * minute;

const signer = (email: string, extra: Record<string, unknown> = {}) => ({ fullName: "Amina Khalil", email, country: "SY", ...extra });
const status = async () => (await campaignStatus(slug))!;
/** The exact number waiting for confirmation, as organisers see it. */
const waiting = async () => (await campaignDashboard(slug))!.signaturesPending;

async function exported(statuses?: ("confirmed" | "pending")[]) {
  const found = await signatureExport(slug, { actor: "organiser@example.org", statuses });
  const text = await csvText(found!.chunks);
  return parse(text.slice(1)) as string[][];
}

const mailKinds = (email: string) =>
  storedRows<{ kind: string }>("select kind from outbox where lower(to_address) = lower(?) order by id", email).map((r) => r.kind);

beforeAll(prepareDatabase);
afterAll(async () => {
  await mailWorker().idle();
  await sink.stop();
});

describe("signing when the campaign asks for email confirmation", () => {
  it("waits for the signer's confirmation before it counts, lists or exports the signature", async () => {
    const before = await status();
    const waitingBefore = await waiting();
    const outcome = await signCampaign(slug, signer("amina@example.org", { showName: "on" }));
    expect(outcome).toEqual({ kind: "pending" });

    // Nothing public moves, not even the time of the last change: a repeat would not move it either.
    expect(await status()).toEqual(before);
    expect((await waiting()) - waitingBefore).toBe(1);
    const snapshot = await liveSnapshot(slug);
    expect(snapshot !== "unchanged" && snapshot?.recentSigners.map((s) => s.name)).toEqual([]);

    expect((await exported()).map((r) => r[2])).not.toContain("amina@example.org");
    const row = (await exported(["confirmed", "pending"])).find((r) => r[2] === "amina@example.org");
    expect(row?.[8]).toBe("pending");
  });

  it("emails a link that counts the signature once it is pressed, and only once", async () => {
    await signCampaign(slug, signer("omar@example.org", { fullName: "Omar Darwish", showName: "on" }));
    const mail = await sink.waitFor("omar@example.org");
    expect(mail.subject).toMatch(/^Confirm your signature/);
    expect(mail.text).toContain(`${publicUrl}/en/p/${slug}/confirm`);
    const { confirmToken, code, withdrawToken } = linksIn(mail);
    expect([confirmToken, code, withdrawToken].every(Boolean)).toBe(true);

    // Mail scanners open links too: looking at the page must not confirm.
    const before = await status();
    const waitingBefore = await waiting();
    expect(await describeConfirmationLink(confirmToken!)).toMatchObject({ kind: "valid", slug });
    expect(await status()).toEqual(before);
    expect(storedRows("select status from signatures where email = ?", "omar@example.org")).toEqual([{ status: "pending" }]);

    const confirmed = await confirmWithLink(confirmToken!);
    const after = await status();
    expect(confirmed).toEqual({
      kind: "confirmed",
      slug,
      firstName: "Omar",
      signerNumber: elsewhere + after.signaturesHere,
      referralCode: expect.stringMatching(/^[\w-]{16}$/),
      referralStatsToken: expect.stringMatching(/^[\w-]{48}$/),
      receiptSalt: storedRows<{ receipt_salt: string }>("select receipt_salt from signatures where email = ?", "omar@example.org")[0]!.receipt_salt,
    });
    expect(after.total).toBe(before.total + 1);
    expect(await waiting()).toBe(waitingBefore - 1);
    const snapshot = await liveSnapshot(slug);
    expect(snapshot !== "unchanged" && snapshot?.recentSigners[0]?.name).toBe("Omar D.");

    expect(await confirmWithLink(confirmToken!)).toEqual({ kind: "unknown" });
    expect((await status()).total).toBe(after.total);
  });

  it("refuses a link used after its seven days, and nothing moves", async () => {
    await signCampaign(slug, signer("late@example.org"));
    const { confirmToken } = linksIn(await sink.waitFor("late@example.org"));
    const before = await status();
    const eightDaysOn = new Date(Date.now() + 8 * day);
    expect(await describeConfirmationLink(confirmToken!, "en", eightDaysOn)).toMatchObject({ kind: "expired" });
    expect(await confirmWithLink(confirmToken!, eightDaysOn)).toEqual({ kind: "expired" });
    expect(await status()).toEqual(before);
  });
});

describe("confirming with the six-digit code", () => {
  it(`locks after ${maxCodeAttempts} wrong codes, even against the right one`, async () => {
    await signCampaign(slug, signer("guesser@example.org"));
    const { code } = linksIn(await sink.waitFor("guesser@example.org"));
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    const before = await status();

    for (let i = 1; i < maxCodeAttempts; i++) {
      expect(await confirmWithCode(slug, "guesser@example.org", wrong)).toEqual({ kind: "wrong-code" });
    }
    expect(await confirmWithCode(slug, "guesser@example.org", wrong)).toEqual({ kind: "locked" });
    expect(await confirmWithCode(slug, "guesser@example.org", code!)).toEqual({ kind: "locked" });
    expect(await status()).toEqual(before);
    expect(storedRows("select status from signatures where email = ?", "guesser@example.org")).toEqual([{ status: "pending" }]);
  });

  it("confirms with the right code, however the signer retypes their address", async () => {
    await signCampaign(slug, signer("Layla.Haddad@Example.org", { fullName: "Layla Haddad" }));
    const { code } = linksIn(await sink.waitFor("layla.haddad@example.org"));
    const before = await status();
    const confirmed = await confirmWithCode(slug, "  layla.haddad@EXAMPLE.ORG ", ` ${code} `);
    expect(confirmed).toMatchObject({ kind: "confirmed", firstName: "Layla" });
    expect((await status()).total).toBe(before.total + 1);
  });
});

describe("the public figure for signatures waiting for confirmation", () => {
  it("is rounded, and moves only when the slow job publishes it, never at one signature", async () => {
    for (let i = 0; i < 12; i++) await signCampaign(slug, signer(`waiting${i}@example.org`));
    await publishPendingFigures();
    const published = await status();
    expect(published.signaturesPending).toBe(roundedPendingFigure(await waiting()));
    expect(published.signaturesPending % 10).toBe(0);
    expect(published.signaturesPending).toBeGreaterThanOrEqual(10);

    await signCampaign(slug, signer("one-more@example.org"));
    expect(await status()).toEqual(published);
    await publishPendingFigures();
    expect((await status()).signaturesPending).toBe(roundedPendingFigure(await waiting()));
  });
});

describe("signing again with the same address", () => {
  it("answers as a first signature would, counts nothing, and sends the signer at most one note a day", async () => {
    const start = Date.now() - 2 * day;
    const at = (ms: number) => ({ now: new Date(start + ms) });
    await signCampaign(slug, signer("sami@example.org"), at(0));
    expect(await confirmWithLink(linksIn(await sink.waitFor("sami@example.org")).confirmToken!, new Date(start + minute))).toMatchObject({
      kind: "confirmed",
    });
    const before = await status();

    expect(await signCampaign(slug, signer(" SAMI@example.org "), at(2 * minute))).toEqual({ kind: "pending" });
    const note = await sink.waitFor("sami@example.org", 2);
    expect(note.subject).toMatch(/^You have already signed/);
    expect(linksIn(note)).toMatchObject({ confirmToken: undefined, code: undefined, withdrawToken: expect.any(String) });

    expect(await signCampaign(slug, signer("sami@example.org"), at(3 * 60 * minute))).toEqual({ kind: "pending" });
    expect(mailKinds("sami@example.org")).toEqual(["confirmation", "already-signed"]);
    expect(await signCampaign(slug, signer("sami@example.org"), at(day + 3 * minute))).toEqual({ kind: "pending" });
    expect(mailKinds("sami@example.org")).toEqual(["confirmation", "already-signed", "already-signed"]);
    await sink.waitFor("sami@example.org", 3);

    expect(await status()).toMatchObject({ total: before.total, signaturesPending: before.signaturesPending });
  });

  it("re-sends the confirmation to a signer still pending, a minute apart at most, and only the newest link works", async () => {
    const start = Date.now() - 30 * minute;
    const at = (ms: number) => ({ now: new Date(start + ms) });
    await signCampaign(slug, signer("nour@example.org"), at(0));
    const first = linksIn(await sink.waitFor("nour@example.org"));

    expect(await signCampaign(slug, signer("nour@example.org"), at(30_000))).toEqual({ kind: "pending" });
    expect(mailKinds("nour@example.org")).toEqual(["confirmation"]);

    expect(await signCampaign(slug, signer("nour@example.org"), at(61_000))).toEqual({ kind: "pending" });
    const second = linksIn(await sink.waitFor("nour@example.org", 2));
    expect(second.confirmToken).not.toBe(first.confirmToken);
    expect(await confirmWithLink(first.confirmToken!)).toEqual({ kind: "unknown" });
    expect(await confirmWithLink(second.confirmToken!)).toMatchObject({ kind: "confirmed" });
  });

  it("stops re-sending after five confirmation emails in all", async () => {
    const start = Date.now() - 30 * minute;
    for (let i = 0; i < 8; i++) await signCampaign(slug, signer("insistent@example.org"), { now: new Date(start + i * 2 * minute) });
    expect(mailKinds("insistent@example.org")).toEqual(Array(5).fill("confirmation"));
    await sink.waitFor("insistent@example.org", 5);
    await mailWorker().idle();
    expect(sink.received("insistent@example.org")).toHaveLength(5);
  });
});
