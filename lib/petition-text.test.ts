import { describe, expect, it } from "vitest";
import type { Petition, PetitionText } from "./model";
import { petitionText, petitionTitle } from "./petition-text";

const arabic: PetitionText = {
  title: "جائزة نوبل للسلام للخوذ البيضاء",
  ask: "ندعو لجنة نوبل",
  storyHeadline: "الخوذ البيضاء",
  storyMarkdown: "نص القصة",
  translationNote: "هذه ترجمة.",
};

const petition = (locale: Petition["locale"], translations: Petition["translations"]): Petition => ({
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

describe("petitionText", () => {
  it("gives a reader of the campaign's own language the original, marked as such", () => {
    expect(petitionText(petition("en", { ar: arabic }), "en")).toEqual({ ...english, language: "en", translated: false, original: true });
  });

  it("gives a reader of a translated language the translation, with its note", () => {
    expect(petitionText(petition("en", { ar: arabic }), "ar")).toEqual({ ...arabic, language: "ar", translated: true, original: false });
  });

  it("gives a reader of a language not translated yet the original, saying which language it is in", () => {
    expect(petitionText(petition("en", {}), "ar")).toEqual({ ...english, language: "en", translated: false, original: false });
  });

  it("works from a campaign written in Arabic as from one written in English", () => {
    const written = petition("ar", { en: { ...english, translationNote: "A translation." } });
    expect(petitionText(written, "ar")).toMatchObject({ title: english.title, language: "ar", original: true, translated: false });
    expect(petitionText(written, "en")).toMatchObject({ translationNote: "A translation.", language: "en", original: false, translated: true });
  });

  it("never prefers a stray translation into the campaign's own language over its original", () => {
    expect(petitionText(petition("en", { en: arabic }), "en")).toMatchObject({ title: english.title, original: true, translated: false });
  });
});

describe("petitionTitle", () => {
  const titles = { locale: "en" as const, title: english.title, translations: { ar: arabic.title } };

  it("names the campaign in the reader's language where it has a translation, and in its own otherwise", () => {
    expect(petitionTitle(titles, "ar")).toBe(arabic.title);
    expect(petitionTitle(titles, "en")).toBe(english.title);
    expect(petitionTitle({ ...titles, translations: {} }, "ar")).toBe(english.title);
  });
});
