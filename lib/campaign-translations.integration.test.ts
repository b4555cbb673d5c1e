import { stores } from "./stores";
import { beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase, storedRows } from "@/test/database";
import type { CampaignContent, CampaignText } from "./domain/model";
import { campaignText } from "./campaign-text";
import { campaignTitle, campaignStatus } from "./campaign-status";

const slug = "white-helmets";
const arabicTitle = "جائزة نوبل للسلام للخوذ البيضاء";
const englishTitle = "The White Helmets for the Nobel Peace Prize";

const content = (translations: Partial<Record<"en" | "ar", CampaignText>>, locale: "en" | "ar" = "ar"): CampaignContent => ({
  slug: "sumud",
  locale,
  title: "صمود",
  ask: "نطلب",
  goal: 1_000,
  storyHeadline: "عنوان",
  storyMarkdown: "القصة",
  translations,
});
const english: CampaignText = { title: "Sumud", ask: "We ask", storyHeadline: "Headline", storyMarkdown: "The story", translationNote: null };
const translationRows = () => storedRows<{ locale: string; title: string; updated_at: number }>(
  "select t.locale, t.title, t.updated_at from petition_translations t join petitions p on p.id = t.petition_id where p.slug = 'sumud' order by t.locale",
);

beforeAll(prepareDatabase);

describe("a campaign's text in several languages", () => {
  it("is loaded from content/ with the campaign, each translation in its own row", async () => {
    const campaign = (await stores().campaigns.findCampaign(slug))!;
    expect(campaign).toMatchObject({ locale: "en", title: englishTitle });
    expect(Object.keys(campaign.translations)).toEqual(["ar"]);
    expect(campaignText(campaign, "ar")).toMatchObject({ title: arabicTitle, translated: true, translationNote: expect.stringContaining("ترجمة") });
    expect(storedRows("select locale from petition_translations")).toEqual([{ locale: "ar" }]);
  });

  it("names the campaign in each language for mail and cards, while the count read stays on the petition row", async () => {
    expect(await stores().campaigns.readCampaignTitles(slug)).toEqual({ id: expect.any(Number), slug, locale: "en", title: englishTitle, translations: { ar: arabicTitle } });
    expect(await stores().campaigns.readCampaignTitles("no-such-campaign")).toBeUndefined();
    expect(await campaignTitle(slug, "ar")).toBe(arabicTitle);
    expect(await campaignTitle(slug, "en")).toBe(englishTitle);
    expect(await campaignTitle("no-such-campaign", "ar")).toBeUndefined();
    expect(await stores().campaigns.readCampaignStanding(slug)).toMatchObject({ locale: "en", title: englishTitle });
    expect(await campaignStatus(slug, "ar")).toMatchObject({ title: arabicTitle });
    expect(await campaignStatus(slug)).toMatchObject({ title: englishTitle });
  });

  it("follows the content: a campaign written in Arabic, a translation added, changed, and taken away", async () => {
    await stores().campaigns.upsertCampaign(content({}), new Date(1_000));
    expect(await stores().campaigns.findCampaign("sumud")).toMatchObject({ locale: "ar", title: "صمود", translations: {} });

    await stores().campaigns.upsertCampaign(content({ en: english }), new Date(2_000));
    expect((await stores().campaigns.findCampaign("sumud"))!.translations).toEqual({ en: english });
    expect(await stores().campaigns.readCampaignTitles("sumud")).toMatchObject({ locale: "ar", title: "صمود", translations: { en: "Sumud" } });

    // Loaded again unchanged at the next start, a translation keeps the time its words last changed.
    await stores().campaigns.upsertCampaign(content({ en: english }), new Date(3_000));
    expect(translationRows()).toEqual([{ locale: "en", title: "Sumud", updated_at: 2_000 }]);
    await stores().campaigns.upsertCampaign(content({ en: { ...english, title: "Steadfastness", translationNote: "Translated." } }), new Date(4_000));
    expect(translationRows()).toEqual([{ locale: "en", title: "Steadfastness", updated_at: 4_000 }]);
    expect((await stores().campaigns.findCampaign("sumud"))!.translations.en).toMatchObject({ translationNote: "Translated." });

    await stores().campaigns.upsertCampaign(content({}), new Date(5_000));
    expect(translationRows()).toEqual([]);
  });

  it("refuses a language that is not a language tag's shape", async () => {
    await expect(stores().campaigns.upsertCampaign({ ...content({}), slug: "bad", locale: "not-a-language" as "en" })).rejects.toThrow();
    expect(await stores().campaigns.findCampaign("bad")).toBeUndefined();
  });
});
