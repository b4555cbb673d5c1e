import { stores } from "@/lib/stores";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prepareDatabase, storedRow, storedRows, writeRows } from "@/test/database";
import { linksIn, publicUrl } from "@/test/smtp-sink";
import { setCampaignState } from "../campaigns";
import { confirmWithLink } from "../confirmations";
import { mailWorker } from "../mail/outbox-worker";
import { signCampaign } from "../signatures";
import { withdraw } from "../withdrawals";
import { publicUpdates } from "./campaign-updates";
import { resumeUpdateQueues, sendUpdate, updateRecipientCount } from "./send-update";
import { unsubscribe, unsubscribeToken } from "./unsubscribe";

// config() is read once, so the sink must be listening and named before any module reads it.
const sink = await vi.hoisted(async () => (await import("@/test/smtp-sink")).startMailServerForApp());

const slug = "white-helmets";
const campaignId = () => storedRow<{ id: number }>("select id from petitions where slug = ?", slug)!.id;
const draft = (subject: string) => ({ subject, bodyMarkdown: `**${subject}**: the committee meets on Friday.`, showOnPage: false });

/** Signs (in `locale`), confirms through the emailed link, and returns the signature's id. */
async function confirmedSigner(email: string, fullName: string, wantsUpdates: boolean, locale: "en" | "ar" = "en") {
  expect(await signCampaign(slug, { fullName, email, country: "SY", wantsUpdates }, { locale })).toEqual({ kind: "pending" });
  const mail = await sink.waitFor(email, sink.received(email).length + 1);
  expect(await confirmWithLink(linksIn(mail).confirmToken!)).toMatchObject({ kind: "confirmed" });
  await mailWorker().idle();
  return storedRow<{ id: number }>("select id from signatures where email = ?", email)!.id;
}

const updateMailTo = (email: string) => sink.received(email).filter((m) => m.headers["list-unsubscribe"]);
const tokenIn = (header: string) => new RegExp(`^<${publicUrl.replace(/\./g, "\\.")}/api/unsubscribe/([A-Za-z0-9_-]+)>$`).exec(header)?.[1];

beforeAll(prepareDatabase);
afterAll(async () => {
  await mailWorker().idle();
  await sink.stop();
});

describe("sending an update", () => {
  it("reaches only confirmed signers who asked for updates and never unsubscribed, each in their language with one-click headers", async () => {
    await confirmedSigner("amal@example.org", "Amal Khoury", true);
    await confirmedSigner("bilal@example.org", "Bilal Haddad", false);
    await confirmedSigner("dina@example.org", "دينا سليمان", true, "ar");
    const gone = await confirmedSigner("elias@example.org", "Elias Tannous", true);
    await unsubscribe(unsubscribeToken(gone));
    expect(await signCampaign(slug, { fullName: "Carla Aoun", email: "carla@example.org", country: "LB", wantsUpdates: true })).toEqual({ kind: "pending" });

    expect(await updateRecipientCount(slug)).toBe(2);
    const outcome = await sendUpdate(slug, draft("The vote is near"), "organiser@example.org");
    expect(outcome).toMatchObject({ kind: "sent", recipients: 2 });

    const amal = await sink.waitFor("amal@example.org", 2);
    expect(amal.subject).toBe("The vote is near");
    expect(amal.text).toContain("Hello Amal,");
    expect(amal.text).toContain("**The vote is near**: the committee meets on Friday.");
    expect(amal.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    const token = tokenIn(amal.headers["list-unsubscribe"]!);
    expect(token).toBeDefined();
    expect(amal.text).toContain(`${publicUrl}/en/unsubscribe/${token}`);

    const dina = await sink.waitFor("dina@example.org", 2);
    expect(dina.text).toContain("مرحبًا دينا،");
    expect(dina.text).toContain(`${publicUrl}/ar/unsubscribe/`);

    await mailWorker().idle();
    for (const email of ["bilal@example.org", "elias@example.org", "carla@example.org"]) expect(updateMailTo(email)).toEqual([]);
    expect(storedRows("select id from outbox where update_id = ? and sent_at is not null", outcome.kind === "sent" ? outcome.updateId : 0)).toHaveLength(2);
  });

  it("drops queued mail the moment its signer unsubscribes, and at sending if they did so after it was queued", async () => {
    const first = await confirmedSigner("farah@example.org", "Farah Nassar", true);
    const second = await confirmedSigner("ghassan@example.org", "Ghassan Saleh", true);
    // Queued straight through the store, so no worker runs before the unsubscribes.
    const updateId = await stores().updates.insertUpdate({ campaignId: campaignId(), ...draft("Queued, then stopped"), sentBy: "organiser@example.org", createdAt: new Date() });
    expect(await stores().updates.queueUpdateBatch(updateId, 10_000, new Date())).toMatchObject({ done: true });
    expect(storedRows("select signature_id from outbox where update_id = ? and signature_id in (?, ?)", updateId, first, second)).toHaveLength(2);

    await unsubscribe(unsubscribeToken(first));
    expect(storedRows("select id from outbox where update_id = ? and signature_id = ?", updateId, first)).toEqual([]);
    // An unsubscribe that lands after the queue was read, as from another process: the worker checks again.
    writeRows("insert into update_unsubscribes (petition_id, email_key, created_at) values (?, ?, ?)", campaignId(), "ghassan@example.org", new Date().toISOString());

    mailWorker().kick();
    await mailWorker().idle();
    expect(updateMailTo("farah@example.org")).toEqual([]);
    expect(updateMailTo("ghassan@example.org")).toEqual([]);
    expect(storedRows("select id from outbox where update_id = ? and signature_id = ?", updateId, second)).toEqual([]);
  });

  it("keeps an unsubscribe through a withdrawal and a new signature asking for updates again", async () => {
    const id = await confirmedSigner("hiba@example.org", "Hiba Mrad", true);
    expect(await unsubscribe(unsubscribeToken(id))).toBe(true);
    const withdrawMail = sink.received("hiba@example.org").at(-1)!;
    await withdraw(linksIn(withdrawMail).withdrawToken!);
    await confirmedSigner("Hiba@Example.org", "Hiba Mrad", true);

    const before = await updateRecipientCount(slug);
    const outcome = await sendUpdate(slug, draft("After the re-signing"), "organiser@example.org");
    expect(outcome).toMatchObject({ kind: "sent", recipients: before });
    await mailWorker().idle();
    expect(updateMailTo("hiba@example.org")).toEqual([]);
  });

  it("answers an unknown token apart, and any real one alike whether or not its signer is still subscribed or signed", async () => {
    expect(await unsubscribe("not-a-token")).toBe(false);
    const id = await confirmedSigner("imad@example.org", "Imad Karam", true);
    const token = unsubscribeToken(id);
    expect(await unsubscribe(token)).toBe(true);
    expect(await unsubscribe(token)).toBe(true);
    const withdrawMail = sink.received("imad@example.org").at(-1)!;
    await withdraw(linksIn(withdrawMail).withdrawToken!);
    expect(await unsubscribe(token)).toBe(true);
  });

  it("finishes queuing that a crash cut short, from the range where it stopped, each signer once", async () => {
    await confirmedSigner("jana@example.org", "Jana Rizk", true);
    const expected = await updateRecipientCount(slug);
    const updateId = await stores().updates.insertUpdate({ campaignId: campaignId(), ...draft("Cut short"), sentBy: "organiser@example.org", createdAt: new Date() });
    // The process queued one range of one signature, then died.
    expect(await stores().updates.queueUpdateBatch(updateId, 1, new Date())).toMatchObject({ done: false });
    await resumeUpdateQueues();
    const row = storedRow<{ recipients: number; queued_at: unknown }>("select recipients, queued_at from updates where id = ?", updateId)!;
    expect(row.recipients).toBe(expected);
    expect(row.queued_at).not.toBeNull();
    const queued = storedRows<{ signature_id: number }>("select signature_id from outbox where update_id = ?", updateId).map((r) => r.signature_id);
    expect(new Set(queued).size).toBe(queued.length);
    expect(queued.length).toBe(expected);
  });

  it("lists on the campaign page only the updates the organiser chose to show, newest first", async () => {
    await sendUpdate(slug, { ...draft("Shown first"), showOnPage: true }, "organiser@example.org");
    await sendUpdate(slug, draft("Kept off the page"), "organiser@example.org");
    await sendUpdate(slug, { ...draft("Shown second"), showOnPage: true }, "organiser@example.org");
    const listed = await publicUpdates(slug);
    expect(listed.map((u) => u.subject)).toEqual(["Shown second", "Shown first"]);
    expect(listed[0]!.blocks).toEqual([
      { kind: "paragraph", inlines: [{ kind: "strong", children: [{ kind: "text", text: "Shown second" }] }, { kind: "text", text: ": the committee meets on Friday." }] },
    ]);
    await mailWorker().idle();
  });

  it("lists no update on the page of a campaign taken down, nor of a draft", async () => {
    const campaign = (slug: string) => ({ slug, title: `Campaign ${slug}`, ask: "Fund the pumps.", goal: 100, storyHeadline: "Water", storyMarkdown: "The pumps stopped." });
    await stores().campaigns.upsertCampaign(campaign("clean-water"));
    await sendUpdate("clean-water", { ...draft("Shown while live"), showOnPage: true }, "organiser@example.org");
    expect((await publicUpdates("clean-water")).map((u) => u.subject)).toEqual(["Shown while live"]);
    await setCampaignState("clean-water", "unpublished", "organiser@example.org");
    expect(await publicUpdates("clean-water")).toEqual([]);

    await stores().campaigns.upsertCampaign(campaign("not-yet-live"));
    // Made as the admin makes one: a draft, which readers cannot find.
    writeRows("update petitions set state = 'draft' where slug = ?", "not-yet-live");
    await sendUpdate("not-yet-live", { ...draft("Written before launch"), showOnPage: true }, "organiser@example.org");
    expect(await publicUpdates("not-yet-live")).toEqual([]);
    await mailWorker().idle();
  });
});
