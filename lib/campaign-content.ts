import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import { z } from "zod";
import { defaultLocale, locales, type Locale } from "./domain/locales";
import type { CampaignContent, CampaignText } from "./domain/model";

const isoDate = z.union([z.date(), z.iso.datetime({ offset: true })]).transform((d) => new Date(d).toISOString());
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "slug must be lower-case words joined by hyphens");
const locale = z.enum(locales, { error: `locale must be one of ${locales.join(", ")}` });
const title = z.string().trim().min(1).max(200);
const ask = z.string().trim().min(1).max(1000);
const headline = z.string().trim().min(1);

const original = z.object({
  slug,
  locale: locale.default(defaultLocale),
  title,
  ask,
  goal: z.number().int().positive(),
  signaturesElsewhere: z.number().int().nonnegative().default(0),
  story: z.object({ headline, published: isoDate.optional(), updated: isoDate.optional() }),
});

const translation = z.object({
  translationOf: slug,
  locale,
  title,
  ask,
  story: z.object({ headline, translationNote: z.string().trim().min(1).optional() }),
});

/** One file of content/: a campaign in its own language, or a translation of one. */
export type CampaignFile =
  | { kind: "original"; campaign: CampaignContent }
  | { kind: "translation"; of: string; locale: Locale; text: CampaignText };

function parsed<T>(schema: z.ZodType<T>, data: unknown, origin: string): T {
  const result = schema.safeParse(data);
  if (!result.success) throw new Error(`${origin}: the front matter is not valid:\n${z.prettifyError(result.error)}`);
  return result.data;
}

/**
 * A campaign file: YAML front matter for the petition, Markdown for the story. A file whose front
 * matter names `translationOf` is a translation (content/<slug>.<locale>.md), the rest originals.
 */
export function parseCampaignFile(source: string, origin: string): CampaignFile {
  const { data, content } = matter(source);
  const storyMarkdown = content.trim();
  if (typeof data === "object" && data !== null && "translationOf" in data) {
    const { translationOf, locale, story, ...text } = parsed(translation, data, origin);
    return {
      kind: "translation",
      of: translationOf,
      locale,
      text: { ...text, storyHeadline: story.headline, storyMarkdown, translationNote: story.translationNote ?? null },
    };
  }
  const { story, ...campaign } = parsed(original, data, origin);
  return {
    kind: "original",
    campaign: {
      ...campaign,
      storyHeadline: story.headline,
      storyPublishedAt: story.published ?? null,
      storyUpdatedAt: story.updated ?? null,
      storyMarkdown,
    },
  };
}

/** Every campaign in `dir`, each with its translations; a file that does not fit is an error naming it. */
export async function readCampaigns(dir: string): Promise<CampaignContent[]> {
  const names = (await readdir(dir)).filter((f) => f.endsWith(".md")).sort();
  const files = await Promise.all(
    names.map(async (name) => {
      const origin = path.join(dir, name);
      return { origin, file: parseCampaignFile(await readFile(origin, "utf8"), origin) };
    }),
  );

  const campaigns = new Map<string, { origin: string; campaign: CampaignContent & { translations: Partial<Record<Locale, CampaignText>> } }>();
  for (const { origin, file } of files) {
    if (file.kind !== "original") continue;
    const earlier = campaigns.get(file.campaign.slug);
    if (earlier) throw new Error(`${origin}: the slug "${file.campaign.slug}" is taken already, by ${earlier.origin}`);
    campaigns.set(file.campaign.slug, { origin, campaign: { ...file.campaign, translations: {} } });
  }

  const translatedFrom = new Map<string, string>();
  for (const { origin, file } of files) {
    if (file.kind !== "translation") continue;
    const found = campaigns.get(file.of);
    if (!found) throw new Error(`${origin}: a translation of "${file.of}", but no campaign file in ${dir} has that slug`);
    const { campaign } = found;
    if (file.locale === (campaign.locale ?? defaultLocale)) {
      throw new Error(`${origin}: a translation into ${file.locale}, the language ${found.origin} is written in`);
    }
    const key = `${file.of} ${file.locale}`;
    const earlier = translatedFrom.get(key);
    if (earlier) throw new Error(`${origin}: "${file.of}" has a translation into ${file.locale} already, in ${earlier}`);
    translatedFrom.set(key, origin);
    campaign.translations[file.locale] = file.text;
  }
  return [...campaigns.values()].map((c) => c.campaign);
}
