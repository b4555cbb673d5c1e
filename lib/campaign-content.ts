import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import { z } from "zod";
import type { PetitionContent } from "./model";

const isoDate = z.union([z.date(), z.iso.datetime({ offset: true })]).transform((d) => new Date(d).toISOString());

const frontMatter = z.object({
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "slug must be lower-case words joined by hyphens"),
  title: z.string().trim().min(1).max(200),
  ask: z.string().trim().min(1).max(1000),
  goal: z.number().int().positive(),
  signaturesElsewhere: z.number().int().nonnegative().default(0),
  story: z.object({
    headline: z.string().trim().min(1),
    published: isoDate.optional(),
    updated: isoDate.optional(),
  }),
});

/** A campaign file: YAML front matter for the petition, Markdown for the story. */
export function parseCampaign(source: string, origin: string): PetitionContent {
  const { data, content } = matter(source);
  const parsed = frontMatter.safeParse(data);
  if (!parsed.success) {
    throw new Error(`${origin}: the front matter is not valid:\n${z.prettifyError(parsed.error)}`);
  }
  const { story, ...petition } = parsed.data;
  return {
    ...petition,
    storyHeadline: story.headline,
    storyPublishedAt: story.published ?? null,
    storyUpdatedAt: story.updated ?? null,
    storyMarkdown: content.trim(),
  };
}

export async function readCampaigns(dir: string): Promise<PetitionContent[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".md")).sort();
  return Promise.all(
    files.map(async (file) => parseCampaign(await readFile(path.join(dir, file), "utf8"), path.join(dir, file))),
  );
}
