import { describe, expect, it } from "vitest";
import type { Campaign, CampaignText } from "./domain/model";
import { campaignText, localizedTitle } from "./campaign-text";

const arabic: CampaignText = {
  title: "جائزة نوبل للسلام للخوذ البيضاء",
  ask: "ندعو لجنة نوبل",
  storyHeadline: "الخوذ البيضاء",
  storyMarkdown: "نص القصة",
  translationNote: "هذه ترجمة.",
};

const campaign = (locale: Campaign["locale"], translations: Campaign["translations"]): Campaign => ({
  id: 1,
  slug: "white-helmets",
  locale,
  title: "The White Helmets for the Nobel Peace Prize",
  ask: "We call on the Nobel Committee",
  goal: 500_000,
  signaturesElsewhere: 0,
  requireConfirmation: true,
  storyHeadline: "The White Helmets",
  storyPublishedAt: null,
  storyUpdatedAt: null,
  storyMarkdown: "The story",
  translations,
  state: "published",
  closesAt: null,
  steppingGoals: false,
  editedAt: null,
  createdAt: new Date(0),
  updatedAt: new Date(0),
});

const english = { title: "The White Helmets for the Nobel Peace Prize", ask: "We call on the Nobel Committee", storyHeadline: "The White Helmets", storyMarkdown: "The story", translationNote: null };

describe("campaignText", () => {
  it("gives a reader of the campaign's own language the original, marked as such", () => {
    expect(campaignText(campaign("en", { ar: arabic }), "en")).toEqual({ ...english, language: "en", translated: false, original: true });
  });

  it("gives a reader of a translated language the translation, with its note", () => {
    expect(campaignText(campaign("en", { ar: arabic }), "ar")).toEqual({ ...arabic, language: "ar", translated: true, original: false });
  });

  it("gives a reader of a language not translated yet the original, saying which language it is in", () => {
    expect(campaignText(campaign("en", {}), "ar")).toEqual({ ...english, language: "en", translated: false, original: false });
  });

  it("works from a campaign written in Arabic as from one written in English", () => {
    const written = campaign("ar", { en: { ...english, translationNote: "A translation." } });
    expect(campaignText(written, "ar")).toMatchObject({ title: english.title, language: "ar", original: true, translated: false });
    expect(campaignText(written, "en")).toMatchObject({ translationNote: "A translation.", language: "en", original: false, translated: true });
  });

  it("never prefers a stray translation into the campaign's own language over its original", () => {
    expect(campaignText(campaign("en", { en: arabic }), "en")).toMatchObject({ title: english.title, original: true, translated: false });
  });
});

describe("localizedTitle", () => {
  const titles = { locale: "en" as const, title: english.title, translations: { ar: arabic.title } };

  it("names the campaign in the reader's language where it has a translation, and in its own otherwise", () => {
    expect(localizedTitle(titles, "ar")).toBe(arabic.title);
    expect(localizedTitle(titles, "en")).toBe(english.title);
    expect(localizedTitle({ ...titles, translations: {} }, "ar")).toBe(english.title);
  });
});
