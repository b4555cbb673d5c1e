import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readCampaigns } from "./campaign-content";

const contentDir = path.join(process.cwd(), "content");

const original = (slug: string, extra = "") => `---
slug: ${slug}
title: A title
ask: An ask
goal: 1000
story:
  headline: A headline
${extra}---

The story.
`;

const translation = (of: string, locale: string, note = "  translationNote: Translated from English.\n") => `---
translationOf: ${of}
locale: ${locale}
title: عنوان
ask: طلب
story:
  headline: عنوان القصة
${note}---

القصة.
`;

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function contentOf(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "countersign-content-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe("reading content/", () => {
  it("reads the White Helmets in English with its Arabic translation", async () => {
    const [campaign, ...others] = await readCampaigns(contentDir);
    expect(others).toEqual([]);
    expect(campaign).toMatchObject({ slug: "white-helmets", locale: "en", title: "The White Helmets for the Nobel Peace Prize" });
    expect(campaign!.translations?.ar).toMatchObject({
      title: "جائزة نوبل للسلام للخوذ البيضاء",
      storyHeadline: "الخوذ البيضاء تكشف عن الشجاعة الاستثنائية للسوريين العاديين",
      translationNote: expect.stringContaining("The WorldPost"),
      storyMarkdown: expect.stringMatching(/^\*صورة: /),
    });
  });

  it("takes an original's language from its front matter, English when it names none", async () => {
    const dir = contentOf({ "a.md": original("a"), "b.md": original("b", "locale: ar\n") });
    expect((await readCampaigns(dir)).map((c) => [c.slug, c.locale, c.translations])).toEqual([
      ["a", "en", {}],
      ["b", "ar", {}],
    ]);
  });

  it("keeps a translation without a note, with a null note", async () => {
    const dir = contentOf({ "a.md": original("a"), "a.ar.md": translation("a", "ar", "") });
    expect((await readCampaigns(dir))[0]!.translations?.ar).toEqual({
      title: "عنوان",
      ask: "طلب",
      storyHeadline: "عنوان القصة",
      storyMarkdown: "القصة.",
      translationNote: null,
    });
  });

  it("refuses a translation of a campaign that has no file, naming the translation's file", async () => {
    const dir = contentOf({ "a.md": original("a"), "b.ar.md": translation("b", "ar") });
    await expect(readCampaigns(dir)).rejects.toThrow(`${path.join(dir, "b.ar.md")}: a translation of "b", but no campaign file`);
  });

  it("refuses a translation into a language the site does not speak, or into the original's own", async () => {
    const unknown = contentOf({ "a.md": original("a"), "a.fr.md": translation("a", "fr") });
    await expect(readCampaigns(unknown)).rejects.toThrow(/a\.fr\.md: the front matter is not valid:[\s\S]*locale must be one of en, ar/);
    const own = contentOf({ "a.md": original("a"), "a.en.md": translation("a", "en") });
    await expect(readCampaigns(own)).rejects.toThrow(/a\.en\.md: a translation into en, the language .*a\.md is written in/);
  });

  it("refuses two translations into one language, and two campaigns with one slug, naming both files", async () => {
    const twice = contentOf({ "a.md": original("a"), "a.ar.md": translation("a", "ar"), "copy.md": translation("a", "ar") });
    await expect(readCampaigns(twice)).rejects.toThrow(/copy\.md: "a" has a translation into ar already, in .*a\.ar\.md/);
    const taken = contentOf({ "a.md": original("a"), "b.md": original("a") });
    await expect(readCampaigns(taken)).rejects.toThrow(/b\.md: the slug "a" is taken already, by .*a\.md/);
  });
});
