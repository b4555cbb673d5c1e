import { beforeAll, describe, expect, it } from "vitest";
import { findPetition, readPetitionCount, readPetitionTitles, upsertPetition } from "@/db/store";
import { prepareDatabase, storedRows } from "@/test/database";
import type { PetitionContent, PetitionText } from "./model";
import { petitionText } from "./petition-text";
import { campaignTitle, petitionStatus } from "./petitions";

const slug = "white-helmets";
const arabicTitle = "جائزة نوبل للسلام للخوذ البيضاء";
const englishTitle = "The White Helmets for the Nobel Peace Prize";

const content = (translations: Partial<Record<"en" | "ar", PetitionText>>, locale: "en" | "ar" = "ar"): PetitionContent => ({
  slug: "sumud",
  locale,
  title: "صمود",
  ask: "نطلب",
  goal: 1_000,
  storyHeadline: "عنوان",
  storyMarkdown: "القصة",
  translations,
});
const english: PetitionText = { title: "Sumud", ask: "We ask", storyHeadline: "Headline", storyMarkdown: "The story", translationNote: null };
const translationRows = () => storedRows<{ locale: string; title: string; updated_at: number }>(
  "select t.locale, t.title, t.updated_at from petition_translations t join petitions p on p.id = t.petition_id where p.slug = 'sumud' order by t.locale",
);

beforeAll(prepareDatabase);

describe("a campaign's text in several languages", () => {
  it("is loaded from content/ with the campaign, each translation in its own row", async () => {
    const petition = (await findPetition(slug))!;
    expect(petition).toMatchObject({ locale: "en", title: englishTitle });
    expect(Object.keys(petition.translations)).toEqual(["ar"]);
    expect(petitionText(petition, "ar")).toMatchObject({ title: arabicTitle, translated: true, translationNote: expect.stringContaining("ترجمة") });
    expect(storedRows("select locale from petition_translations")).toEqual([{ locale: "ar" }]);
  });

  it("names the campaign in each language for mail and cards, while the count read stays on the petition row", async () => {
    expect(await readPetitionTitles(slug)).toEqual({ id: expect.any(Number), slug, locale: "en", title: englishTitle, translations: { ar: arabicTitle } });
    expect(await readPetitionTitles("no-such-campaign")).toBeUndefined();
    expect(await campaignTitle(slug, "ar")).toBe(arabicTitle);
    expect(await campaignTitle(slug, "en")).toBe(englishTitle);
    expect(await campaignTitle("no-such-campaign", "ar")).toBeUndefined();
    expect(await readPetitionCount(slug)).toMatchObject({ locale: "en", title: englishTitle });
    expect(await petitionStatus(slug, "ar")).toMatchObject({ title: arabicTitle });
    expect(await petitionStatus(slug)).toMatchObject({ title: englishTitle });
  });

  it("follows the content: a campaign written in Arabic, a translation added, changed, and taken away", async () => {
    await upsertPetition(content({}), new Date(1_000));
    expect(await findPetition("sumud")).toMatchObject({ locale: "ar", title: "صمود", translations: {} });

    await upsertPetition(content({ en: english }), new Date(2_000));
    expect((await findPetition("sumud"))!.translations).toEqual({ en: english });
    expect(await readPetitionTitles("sumud")).toMatchObject({ locale: "ar", title: "صمود", translations: { en: "Sumud" } });

    // Loaded again unchanged at the next start, a translation keeps the time its words last changed.
    await upsertPetition(content({ en: english }), new Date(3_000));
    expect(translationRows()).toEqual([{ locale: "en", title: "Sumud", updated_at: 2_000 }]);
    await upsertPetition(content({ en: { ...english, title: "Steadfastness", translationNote: "Translated." } }), new Date(4_000));
    expect(translationRows()).toEqual([{ locale: "en", title: "Steadfastness", updated_at: 4_000 }]);
    expect((await findPetition("sumud"))!.translations.en).toMatchObject({ translationNote: "Translated." });

    await upsertPetition(content({}), new Date(5_000));
    expect(translationRows()).toEqual([]);
  });

  it("refuses a language that is not a language tag's shape", async () => {
    await expect(upsertPetition({ ...content({}), slug: "bad", locale: "not-a-language" as "en" })).rejects.toThrow();
    expect(await findPetition("bad")).toBeUndefined();
  });
});
