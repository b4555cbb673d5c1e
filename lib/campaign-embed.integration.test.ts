import { beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/test/database";
import { campaignOEmbed, campaignSnippets } from "./campaign-embed";

const site = "https://sign.example.org";
const englishTitle = "The White Helmets for the Nobel Peace Prize";
const arabicTitle = "جائزة نوبل للسلام للخوذ البيضاء";

beforeAll(prepareDatabase);

describe("embedding a campaign elsewhere", () => {
  it("describes a campaign page as a frame in the page's language", async () => {
    const arabic = await campaignOEmbed(`${site}/ar/p/white-helmets`, site);
    expect(arabic).toMatchObject({ type: "rich", title: arabicTitle, width: 600, height: 600 });
    expect(arabic!.html).toContain(`src="${site}/ar/embed/white-helmets" title="${arabicTitle}"`);
  });

  it("describes the home page, and an address without a language, in each reader's own", async () => {
    const home = await campaignOEmbed(`${site}/`, site, { maxHeight: 480 });
    expect(home).toMatchObject({ title: englishTitle, height: 480 });
    expect(home!.html).toContain(`src="${site}/embed/white-helmets"`);
  });

  it("knows nothing of other sites' pages or campaigns that are not here", async () => {
    expect(await campaignOEmbed("https://evil.example/p/white-helmets", site)).toBeUndefined();
    expect(await campaignOEmbed(`${site}/p/no-such-campaign`, site)).toBeUndefined();
  });

  it("gives organisers a snippet for each reader's language, then one per language", async () => {
    const snippets = await campaignSnippets("white-helmets", site);
    expect(snippets.map((s) => s.locale)).toEqual([undefined, "en", "ar"]);
    expect(snippets[2]!.snippet).toContain(`src="${site}/ar/embed/white-helmets" title="${arabicTitle}"`);
    expect(await campaignSnippets("no-such-campaign", site)).toEqual([]);
  });
});
