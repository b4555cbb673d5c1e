import { z } from "zod";
import { locales, type Locale } from "./domain/locales";
import type { Campaign, CampaignText } from "./domain/model";

// What an organiser types to create or edit a campaign, checked in one schema. The admin speaks
// English, so the messages here are said to organisers as they are.

/** Lower-case words joined by hyphens: the shape server/routes.ts and the pages accept. */
export const slugShape = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** One language's text as typed; every field a string, so the form can show it back as it was. */
export type CampaignTextValues = Record<keyof CampaignText, string>;

/** The form's values as typed, echoed back whole when something needs another look. */
export type CampaignFormValues = {
  slug: string;
  /** The language the campaign is written in; the other languages are translations. */
  locale: string;
  goal: string;
  signaturesElsewhere: string;
  /** `YYYY-MM-DDTHH:MM`, in UTC, as a datetime-local field sends it; empty for no closing date. */
  closesAt: string;
  requireConfirmation: boolean;
  steppingGoals: boolean;
  texts: Record<Locale, CampaignTextValues>;
};

/** Field name (`goal`, `texts.ar.title`) to what is wrong with it. */
export type CampaignFieldErrors = Record<string, string>;

const count = (what: string, min: number) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,9}$/, `Write the ${what} as a whole number, in digits.`)
    .transform(Number)
    .refine((n) => n >= min, `The ${what} must be at least ${min}.`);

const reservedSlugs = ["new"];

const utcMinute = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/;
const closesAt = z
  .string()
  .trim()
  .refine((value) => value === "" || (utcMinute.test(value) && !Number.isNaN(Date.parse(`${value}Z`))), "Give the closing time as a date and time, or leave it empty.")
  .transform((value) => (value === "" ? null : new Date(`${value}Z`)));

const text = (max: number) => z.string().trim().max(max, `Keep this under ${max.toLocaleString("en")} characters.`);
const languageText = z.object({
  title: text(200),
  ask: text(1_000),
  storyHeadline: text(300),
  storyMarkdown: text(100_000),
  translationNote: text(500),
});

const required: (keyof CampaignText)[] = ["title", "ask", "storyHeadline", "storyMarkdown"];
const fieldNames: Record<keyof CampaignText, string> = {
  title: "a title",
  ask: "the ask",
  storyHeadline: "a headline",
  storyMarkdown: "the story",
  translationNote: "a note",
};

export const campaignInput = z
  .object({
    slug: z
      .string()
      .trim()
      .min(1, "Give the campaign an address.")
      .max(80, "Keep the address under 80 characters.")
      .regex(slugShape, "Use lower-case letters, digits and single hyphens, like save-the-park.")
      // /admin/petitions/new is the form itself: a campaign called "new" could never be reached.
      .refine((slug) => !reservedSlugs.includes(slug), "That address is kept for the site's own pages; choose another."),
    locale: z.enum(locales, { error: `Choose the language the campaign is written in (${locales.join(", ")}).` }),
    goal: count("goal", 1),
    signaturesElsewhere: count("number of signatures gathered elsewhere", 0),
    closesAt,
    requireConfirmation: z.boolean(),
    steppingGoals: z.boolean(),
    texts: z.object(Object.fromEntries(locales.map((l) => [l, languageText])) as Record<Locale, typeof languageText>),
  })
  .superRefine((input, ctx) => {
    // The campaign's own language must be whole; another is a translation when any of it is typed, and then must be whole too.
    for (const locale of locales) {
      const typed = input.texts[locale];
      const original = locale === input.locale;
      if (!original && required.every((field) => typed[field] === "") && typed.translationNote === "") continue;
      for (const field of required) {
        if (typed[field] !== "") continue;
        const why = original ? "the campaign's own language" : "a translation, once any of it is written";
        ctx.addIssue({ code: "custom", path: ["texts", locale, field], message: `Write ${fieldNames[field]}: it is needed in ${why}.` });
      }
    }
  });

/** A campaign as the form describes it, checked. */
export type CampaignInput = z.infer<typeof campaignInput>;

export type CampaignParse = { ok: true; input: CampaignInput } | { ok: false; errors: CampaignFieldErrors };

/** Checks what an organiser typed; every problem is named by its field. */
export function parseCampaignInput(values: CampaignFormValues): CampaignParse {
  const result = campaignInput.safeParse(values);
  if (result.success) return { ok: true, input: result.data };
  const errors: CampaignFieldErrors = {};
  for (const issue of result.error.issues) errors[issue.path.join(".")] ??= issue.message;
  return { ok: false, errors };
}

/** The original text and the translations the input has, as the domain keeps them. */
export function campaignTexts(input: CampaignInput): { original: CampaignText; translations: Partial<Record<Locale, CampaignText>> } {
  const asText = (typed: CampaignInput["texts"][Locale]): CampaignText => ({ ...typed, translationNote: typed.translationNote || null });
  const translations: Partial<Record<Locale, CampaignText>> = {};
  for (const locale of locales) {
    if (locale === input.locale || input.texts[locale].title === "") continue;
    translations[locale] = asText(input.texts[locale]);
  }
  return { original: asText(input.texts[input.locale]), translations };
}

const blankText: CampaignTextValues = { title: "", ask: "", storyHeadline: "", storyMarkdown: "", translationNote: "" };

/** A new campaign's form: a draft in English, confirmation on, no closing date. */
export function blankCampaignValues(): CampaignFormValues {
  return {
    slug: "",
    locale: "en",
    goal: "1000",
    signaturesElsewhere: "0",
    closesAt: "",
    requireConfirmation: true,
    steppingGoals: false,
    texts: Object.fromEntries(locales.map((l) => [l, { ...blankText }])) as Record<Locale, CampaignTextValues>,
  };
}

/** A campaign as its edit form shows it. */
export function campaignFormValues(campaign: Campaign): CampaignFormValues {
  const values = blankCampaignValues();
  const own = { title: campaign.title, ask: campaign.ask, storyHeadline: campaign.storyHeadline, storyMarkdown: campaign.storyMarkdown, translationNote: "" };
  const texts = { ...values.texts, [campaign.locale]: own };
  for (const [locale, text] of Object.entries(campaign.translations) as [Locale, CampaignText | undefined][]) {
    if (text) texts[locale] = { ...text, translationNote: text.translationNote ?? "" };
  }
  return {
    slug: campaign.slug,
    locale: campaign.locale,
    goal: String(campaign.goal),
    signaturesElsewhere: String(campaign.signaturesElsewhere),
    closesAt: campaign.closesAt ? campaign.closesAt.toISOString().slice(0, 16) : "",
    requireConfirmation: campaign.requireConfirmation,
    steppingGoals: campaign.steppingGoals,
    texts,
  };
}
