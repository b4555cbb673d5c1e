import { stores } from "./stores";
import { beforeAll, describe, expect, it } from "vitest";
import { csvText, prepareDatabase, storedRow } from "@/test/database";
import { blankCampaignValues, campaignFormValues, parseCampaignInput, type CampaignFormValues } from "./campaign-input";
import { campaignOEmbed } from "./campaign-embed";
import { closeCampaign, createCampaign, editCampaign, reopenCampaign, setCampaignState } from "./campaigns";
import { confirmableCampaignTitle, homeCampaign, liveSnapshot, campaignStatus } from "./campaign-status";
import { seedCampaigns } from "./seed";
import { signatureExport } from "./signature-export";
import { signCampaign } from "./signatures";

const actor = "editor@example.org";
const signer = (n: number) => ({ fullName: `Reader ${n}`, email: `reader${n}@example.org`, country: "GB" });

function form(slug: string, change: Partial<CampaignFormValues> = {}): CampaignFormValues {
  const values = blankCampaignValues();
  return {
    ...values,
    slug,
    goal: "2",
    requireConfirmation: false,
    texts: {
      ...values.texts,
      en: { title: "Save the Park", ask: "Keep the park open", storyHeadline: "Our park", storyMarkdown: "The **park** is ours.", translationNote: "" },
    },
    ...change,
  };
}

function input(values: CampaignFormValues) {
  const parsed = parseCampaignInput(values);
  if (!parsed.ok) throw new Error(`the test's form does not pass: ${JSON.stringify(parsed.errors)}`);
  return parsed.input;
}

async function auditFor(slug: string) {
  return (await stores().moderation.listAuditEvents(100)).filter((e) => e.campaignSlug === slug).map((e) => `${e.action}: ${e.detail}`);
}

beforeAll(prepareDatabase);

describe("a campaign made in the admin", () => {
  it("starts as a draft that readers cannot find, sign, embed or get as the home campaign", async () => {
    expect(await createCampaign(input(form("save-the-park")), actor)).toEqual({ kind: "done" });
    expect(await stores().campaigns.findCampaign("save-the-park")).toMatchObject({ state: "draft", title: "Save the Park", goal: 2, editedAt: expect.any(Date) });
    expect(await campaignStatus("save-the-park")).toBeUndefined();
    expect(await liveSnapshot("save-the-park")).toBeUndefined();
    expect(await signCampaign("save-the-park", signer(1))).toEqual({ kind: "not-found" });
    expect(await campaignOEmbed("http://localhost/en/p/save-the-park", "http://localhost")).toBeUndefined();
    expect(await homeCampaign()).toBe("white-helmets");
    expect(await confirmableCampaignTitle("save-the-park", "en")).toBeUndefined();
    expect(storedRow("select count(*) as n from signatures s join petitions p on p.id = s.petition_id where p.slug = 'save-the-park'")).toEqual({ n: 0 });
  });

  it("never takes a slug in use, whether a seeded campaign's or another draft's", async () => {
    expect(await createCampaign(input(form("save-the-park")), actor)).toEqual({ kind: "slug-taken" });
    expect(await createCampaign(input(form("white-helmets")), actor)).toEqual({ kind: "slug-taken" });
    expect((await stores().campaigns.findCampaign("white-helmets"))?.title).not.toBe("Save the Park");
  });

  it("goes live when published, and takes signatures", async () => {
    const publishedAt = new Date("2026-11-30T12:00:00Z");
    expect(await setCampaignState("save-the-park", "published", actor, publishedAt)).toEqual({ kind: "done" });
    expect(await campaignStatus("save-the-park")).toMatchObject({ total: 0, goal: 2, closed: false });
    expect((await stores().campaigns.findCampaign("save-the-park"))?.storyPublishedAt).toBe(publishedAt.toISOString());
    expect(await signCampaign("save-the-park", signer(1))).toMatchObject({ kind: "signed", signerNumber: 1 });
    expect(await confirmableCampaignTitle("save-the-park", "en")).toBe("Save the Park");
  });

  it("keeps its page and count once closed, refuses new signatures, and still exports", async () => {
    const closedAt = new Date(Date.now() - 1_000);
    expect(await closeCampaign("save-the-park", actor, closedAt)).toEqual({ kind: "done" });
    expect(await signCampaign("save-the-park", signer(2))).toEqual({ kind: "closed" });
    expect(await campaignStatus("save-the-park")).toMatchObject({ total: 1, closed: true, closesAt: closedAt.toISOString() });
    const exported = await signatureExport("save-the-park", { actor: "owner@example.org" });
    const csv = await csvText(exported!.chunks);
    expect(csv).toContain("reader1@example.org");
    expect(csv).not.toContain("reader2@example.org");
  });

  it("takes signatures again once reopened", async () => {
    expect(await reopenCampaign("save-the-park", actor)).toEqual({ kind: "done" });
    expect(await signCampaign("save-the-park", signer(2))).toMatchObject({ kind: "signed", signerNumber: 2 });
  });

  it("stops at a closing date set in the form, and not before", async () => {
    const later = form("save-the-park", { closesAt: new Date(Date.now() + 3_600_000).toISOString().slice(0, 16) });
    await editCampaign("save-the-park", input(later), actor);
    expect(await signCampaign("save-the-park", signer(3))).toMatchObject({ kind: "signed" });
    expect(await signCampaign("save-the-park", signer(4), { now: new Date(Date.now() + 7_200_000) })).toEqual({ kind: "closed" });
  });

  it("steps its goal up the ladder once reached, when the organiser turned that on", async () => {
    expect(await campaignStatus("save-the-park")).toMatchObject({ total: 3, goal: 2, goalPassed: null });
    await editCampaign("save-the-park", input(form("save-the-park", { steppingGoals: true })), actor);
    expect(await campaignStatus("save-the-park")).toMatchObject({ total: 3, goal: 500, goalPassed: 2 });
    // Closed, it has nothing left to reach for: the organiser's own goal again, with no step.
    await closeCampaign("save-the-park", actor);
    expect(await campaignStatus("save-the-park")).toMatchObject({ total: 3, goal: 2, goalPassed: null, closed: true });
    await reopenCampaign("save-the-park", actor);
  });

  it("shows no page, count or form once unpublished", async () => {
    expect(await setCampaignState("save-the-park", "unpublished", actor)).toEqual({ kind: "done" });
    expect(await campaignStatus("save-the-park")).toBeUndefined();
    expect(await signCampaign("save-the-park", signer(5))).toEqual({ kind: "not-found" });
    expect((await stores().campaigns.findCampaign("save-the-park"))?.state).toBe("unpublished");
    // A signer with a pending signature may still confirm it by code.
    expect(await confirmableCampaignTitle("save-the-park", "en")).toBe("Save the Park");
  });

  it("writes every change to the audit log, saying what changed", async () => {
    const events = (await auditFor("save-the-park")).filter((e) => e.startsWith("campaign-")).reverse();
    expect(events).toEqual([
      'campaign-create: created draft "Save the Park": goal 2, languages en, no closing date',
      "campaign-publish: draft → published",
      expect.stringMatching(/^campaign-close: closed to new signatures at \d{4}-\d{2}-\d{2}T/),
      expect.stringMatching(/^campaign-reopen: reopened \(was closes .+ UTC\)$/),
      expect.stringMatching(/^campaign-edit: edited: closing no closing date → closes .+ UTC$/),
      expect.stringMatching(/^campaign-edit: edited: closing closes .+ UTC → no closing date; stepping goals off → on$/),
      expect.stringMatching(/^campaign-close: closed to new signatures at \d{4}-\d{2}-\d{2}T/),
      expect.stringMatching(/^campaign-reopen: reopened \(was closes .+ UTC\)$/),
      "campaign-unpublish: published → unpublished",
    ]);
  });
});

describe("campaigns from content/ files", () => {
  it("are seeded on a fresh install, published", async () => {
    expect(await stores().campaigns.findCampaign("white-helmets")).toMatchObject({ state: "published", editedAt: null });
    expect(await campaignStatus("white-helmets")).toBeDefined();
  });

  it("follow their file while no organiser has edited them", async () => {
    const seeded = (await stores().campaigns.findCampaign("white-helmets"))!;
    await stores().campaigns.upsertCampaign({ ...seeded, title: "A title from the file" });
    expect((await stores().campaigns.findCampaign("white-helmets"))?.title).toBe("A title from the file");
    await seedCampaigns();
    expect((await stores().campaigns.findCampaign("white-helmets"))?.title).toBe(seeded.title);
  });

  it("are never overwritten by their file, nor their translations, once edited in the admin", async () => {
    const seeded = (await stores().campaigns.findCampaign("white-helmets"))!;
    expect(Object.keys(seeded.translations)).toEqual(["ar"]);
    const values = campaignFormValues(seeded);
    const edited = { ...values, texts: { ...values.texts, en: { ...values.texts.en, title: "Edited by an organiser" }, ar: { ...values.texts.ar, title: "عنوان عدّله منظّم" } } };
    expect(await editCampaign("white-helmets", input(edited), actor)).toEqual({ kind: "done" });

    await seedCampaigns();
    const after = (await stores().campaigns.findCampaign("white-helmets"))!;
    expect(after.title).toBe("Edited by an organiser");
    expect(after.translations.ar?.title).toBe("عنوان عدّله منظّم");
    expect(after.storyMarkdown).toBe(seeded.storyMarkdown);
    expect(await auditFor("white-helmets")).toEqual(["campaign-edit: edited: title changed; translations changed"]);
  });
});
