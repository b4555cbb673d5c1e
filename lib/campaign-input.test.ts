import { describe, expect, it } from "vitest";
import { blankCampaignValues, campaignTexts, parseCampaignInput, type CampaignFormValues } from "./campaign-input";

function filled(change: Partial<CampaignFormValues> = {}): CampaignFormValues {
  const values = blankCampaignValues();
  return {
    ...values,
    slug: "save-the-park",
    texts: { ...values.texts, en: { title: "Save the Park", ask: "Keep it open", storyHeadline: "Our park", storyMarkdown: "The story.", translationNote: "" } },
    ...change,
  };
}

const errorsOf = (values: CampaignFormValues) => {
  const parsed = parseCampaignInput(values);
  return parsed.ok ? {} : parsed.errors;
};

describe("parseCampaignInput", () => {
  it("takes a whole campaign in its own language, with no translation and no closing date", () => {
    const parsed = parseCampaignInput(filled());
    expect(parsed).toMatchObject({ ok: true, input: { slug: "save-the-park", locale: "en", goal: 1_000, signaturesElsewhere: 0, closesAt: null } });
    if (!parsed.ok) return;
    expect(campaignTexts(parsed.input)).toEqual({
      original: { title: "Save the Park", ask: "Keep it open", storyHeadline: "Our park", storyMarkdown: "The story.", translationNote: null },
      translations: {},
    });
  });

  it("checks the slug's shape", () => {
    for (const slug of ["Save-The-Park", "save the park", "-park", "park-", "park--life", "parc-é"]) {
      expect(errorsOf(filled({ slug }))).toHaveProperty("slug", expect.stringContaining("lower-case"));
    }
    expect(errorsOf(filled({ slug: "" }))).toEqual({ slug: "Give the campaign an address." });
    expect(errorsOf(filled({ slug: "park-2026" }))).toEqual({});
    expect(errorsOf(filled({ slug: "new" }))).toHaveProperty("slug", expect.stringContaining("kept for the site"));
  });

  it("wants whole numbers for the goal and the signatures gathered elsewhere", () => {
    expect(errorsOf(filled({ goal: "0" }))).toEqual({ goal: "The goal must be at least 1." });
    expect(errorsOf(filled({ goal: "1,000" }))).toHaveProperty("goal", expect.stringContaining("whole number"));
    expect(errorsOf(filled({ signaturesElsewhere: "-3" }))).toHaveProperty("signaturesElsewhere");
    expect(parseCampaignInput(filled({ goal: " 2500 ", signaturesElsewhere: "120" }))).toMatchObject({ input: { goal: 2_500, signaturesElsewhere: 120 } });
  });

  it("reads the closing time as UTC, and refuses what is not a time", () => {
    expect(parseCampaignInput(filled({ closesAt: "2026-12-24T18:30" }))).toMatchObject({ input: { closesAt: new Date("2026-12-24T18:30:00Z") } });
    expect(errorsOf(filled({ closesAt: "next tuesday" }))).toHaveProperty("closesAt");
    expect(errorsOf(filled({ closesAt: "2026-13-40T99:99" }))).toHaveProperty("closesAt");
  });

  it("needs the campaign's own language whole, naming each field that is missing", () => {
    const values = filled({ locale: "ar" });
    expect(errorsOf(values)).toEqual({
      "texts.ar.title": expect.stringContaining("own language"),
      "texts.ar.ask": expect.any(String),
      "texts.ar.storyHeadline": expect.any(String),
      "texts.ar.storyMarkdown": expect.any(String),
    });
  });

  it("takes a translation only when it is whole, and keeps its note", () => {
    const base = filled();
    const partial = { ...base, texts: { ...base.texts, ar: { ...base.texts.ar, title: "أنقذوا الحديقة" } } };
    expect(Object.keys(errorsOf(partial))).toEqual(["texts.ar.ask", "texts.ar.storyHeadline", "texts.ar.storyMarkdown"]);
    const whole = { ...base, texts: { ...base.texts, ar: { title: "أنقذوا الحديقة", ask: "أبقوها مفتوحة", storyHeadline: "حديقتنا", storyMarkdown: "القصة.", translationNote: "ترجمة." } } };
    const parsed = parseCampaignInput(whole);
    expect(parsed.ok && campaignTexts(parsed.input).translations).toEqual({ ar: { ...whole.texts.ar } });
  });

  it("refuses a language that is not one of the site's", () => {
    expect(errorsOf(filled({ locale: "fr" }))).toHaveProperty("locale");
  });
});
