import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prepareDatabase, storedRow, storedRows } from "@/test/database";
import { linksIn } from "@/test/smtp-sink";
import { issueFormToken } from "../bot-checks";
import { campaignStatus, setConfirmationRequired } from "../campaign-status";
import { confirmWithCode, confirmWithLink } from "../confirmations";
import { mailWorker } from "../mail/outbox-worker";
import { applyRetention } from "../retention";
import { signCampaign, type SignOutcome } from "../signatures";
import { stores } from "../stores";
import { updateRecipientCount } from "../updates/send-update";
import { runImport, stageImport, undoImport } from "./imports";

// config() is read once, so the sink must be listening and named before any module reads it.
const sink = await vi.hoisted(async () => (await import("@/test/smtp-sink")).startMailServerForApp());

const slug = "white-helmets";
const owner = "owner@countersign.example";
const mapping = { fullName: "0", email: "1", country: "2", wantsUpdates: "3" };

/** Imports one signer who asked for updates, as another platform's list would bring them. */
async function imported(email: string, name = "Lina Saleh") {
  const staged = await stageImport(slug, { name: `${email}.csv`, bytes: new TextEncoder().encode(`Name;Email;Country;Opt-in\n${name};${email};LB;yes`) }, owner);
  if (staged.kind !== "staged") throw new Error(`expected the file staged, got ${staged.kind}`);
  expect(await runImport(slug, staged.importId, mapping, owner)).toMatchObject({ record: { importedRows: 1 } });
  return staged.importId;
}

const rowOf = (email: string) =>
  storedRow<{ status: string; import_id: number | null; confirmed_at: unknown }>("select status, import_id, confirmed_at from signatures where email_key = ?", email);
const here = async () => (await campaignStatus(slug))!.signaturesHere;
const counted = async () => {
  const recount = (await stores().campaigns.recountCampaigns()).find((r) => r.slug === slug)!;
  expect(recount).toMatchObject({ kept: recount.counted, keptPending: recount.countedPending, logged: recount.counted });
};
const person = () => ({ honeypot: "", formToken: issueFormToken(Date.now() - 20_000) });
const bot = () => ({ honeypot: "https://spam.example", formToken: issueFormToken(Date.now() - 20_000) });
const signer = (email: string) => ({ fullName: "Lina Saleh", email, country: "LB", wantsUpdates: "on" });

beforeAll(prepareDatabase);
afterAll(async () => {
  await mailWorker().idle();
  await sink.stop();
});

describe("an imported address signed with again while the campaign asks for confirmation", () => {
  it("stays the import's while the new signature waits: Undo takes it, and the answer is a first signer's", async () => {
    const importId = await imported("waits@claim.example");
    const before = await here();
    expect(await signCampaign(slug, signer("waits@claim.example"), { form: person() })).toEqual({ kind: "pending" });
    expect(await signCampaign(slug, signer("first-time@claim.example"), { form: person() })).toEqual({ kind: "pending" });
    // The address gets a link, as a first signer would, and nothing is counted or changed until it is pressed.
    expect((await sink.waitFor("waits@claim.example")).subject).toMatch(/^Confirm your signature/);
    expect(rowOf("waits@claim.example")).toMatchObject({ status: "confirmed", import_id: importId, confirmed_at: null });
    expect(await here()).toBe(before);

    expect(await undoImport(slug, importId, owner)).toEqual({ kind: "undone", removed: 1 });
    expect(rowOf("waits@claim.example")).toBeUndefined();
    expect(await here()).toBe(before - 1);
    await counted();
  });

  it("becomes the signer's own once the emailed link is pressed: counted once, still sent updates, and spared by Undo", async () => {
    const importId = await imported("link@claim.example");
    const before = await here();
    const recipients = await updateRecipientCount(slug);
    await signCampaign(slug, signer("link@claim.example"), { form: person() });
    const { confirmToken } = linksIn(await sink.waitFor("link@claim.example"));
    expect(await confirmWithLink(confirmToken!)).toMatchObject({ kind: "confirmed", slug, firstName: "Lina" });

    expect(rowOf("link@claim.example")).toMatchObject({ status: "confirmed", import_id: null, confirmed_at: expect.anything() });
    expect(await here()).toBe(before);
    expect(await updateRecipientCount(slug)).toBe(recipients);
    // The link works once.
    expect(await confirmWithLink(confirmToken!)).toEqual({ kind: "unknown" });

    expect(await undoImport(slug, importId, owner)).toEqual({ kind: "undone", removed: 0 });
    expect(rowOf("link@claim.example")).toMatchObject({ status: "confirmed" });
    expect(await here()).toBe(before);
    await counted();
  });

  it("becomes the signer's own by the emailed code too", async () => {
    const importId = await imported("code@claim.example");
    await signCampaign(slug, signer("code@claim.example"), { form: person() });
    const { code } = linksIn(await sink.waitFor("code@claim.example"));
    expect(await confirmWithCode(slug, "code@claim.example", code!)).toMatchObject({ kind: "confirmed" });
    expect(rowOf("code@claim.example")).toMatchObject({ status: "confirmed", import_id: null });
    expect(await undoImport(slug, importId, owner)).toEqual({ kind: "undone", removed: 0 });
  });

  it("is left the import's by a link never pressed, which the retention job clears without touching the signature", async () => {
    const importId = await imported("expires@claim.example");
    await signCampaign(slug, signer("expires@claim.example"), { form: person() });
    await sink.waitFor("expires@claim.example");
    const before = await here();
    await applyRetention(new Date(Date.now() + 8 * 24 * 60 * 60 * 1000));
    expect(rowOf("expires@claim.example")).toMatchObject({ status: "confirmed", import_id: importId });
    expect(storedRows("select signature_id from confirmations c join signatures s on s.id = c.signature_id where s.email_key = ?", "expires@claim.example")).toEqual([]);
    expect(await here()).toBe(before);
    await counted();
  });

  it("is untouched by a bot's submission, which sends no mail", async () => {
    const importId = await imported("bot@claim.example");
    expect(await signCampaign(slug, signer("bot@claim.example"), { form: bot() })).toEqual({ kind: "pending" });
    expect(rowOf("bot@claim.example")).toMatchObject({ import_id: importId });
    await mailWorker().idle();
    expect(sink.received("bot@claim.example")).toEqual([]);
  });
});

describe("an imported address signed with again while the campaign counts without confirmation", () => {
  beforeAll(() => setConfirmationRequired(slug, false, owner));
  afterAll(() => setConfirmationRequired(slug, true, owner));
  let firstSigners = 0;

  /** A new address signed next gets the number the repeat was told: the repeat was answered as a first signature. */
  async function firstSignerAnswersAs(repeat: SignOutcome) {
    const first = await signCampaign(slug, signer(`first-${++firstSigners}@claim.example`), { form: person() });
    expect(repeat).toMatchObject({ kind: "signed", withdrawToken: expect.any(String), referralCode: expect.any(String) });
    expect(first.kind === "signed" && repeat.kind === "signed" && repeat.signerNumber).toBe(first.kind === "signed" && first.signerNumber);
  }

  it("becomes the signer's own at once from a real form, answered as a first signer is", async () => {
    const importId = await imported("form@claim.example");
    const before = await here();
    const repeat = await signCampaign(slug, signer("form@claim.example"), { form: person() });
    await firstSignerAnswersAs(repeat);
    expect(rowOf("form@claim.example")).toMatchObject({ status: "confirmed", import_id: null });
    expect(await undoImport(slug, importId, owner)).toEqual({ kind: "undone", removed: 0 });
    // Itself and the first signer after it.
    expect(await here()).toBe(before + 1);
    await counted();
  });

  it("stays the import's after a bot's submission, answered as a first signer is", async () => {
    const importId = await imported("bot-off@claim.example");
    await firstSignerAnswersAs(await signCampaign(slug, signer("bot-off@claim.example"), { form: bot() }));
    expect(rowOf("bot-off@claim.example")).toMatchObject({ import_id: importId });
    expect(await undoImport(slug, importId, owner)).toEqual({ kind: "undone", removed: 1 });
    await counted();
  });
});
