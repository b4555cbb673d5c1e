import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { blankCampaignValues, parseCampaignInput } from "@/lib/campaign-input";
import { createCampaign, setCampaignState } from "@/lib/campaigns";
import { shareCards } from "@/lib/share-card-cache";
import { siteOriginHeader } from "@/lib/site-origin";
import { prepareDatabase } from "@/test/database";
import { apiRoute } from "./routes";

// Each drawing counted (and cheap): what matters here is how often the endpoint draws, not what.
const drawn = vi.hoisted(() => [] as string[]);
vi.mock("@/lib/share-card", async (original) => ({
  ...(await original<typeof import("@/lib/share-card")>()),
  renderShareCard: async (input: { title: string; locale: string }) => {
    drawn.push(`${input.title} ${input.locale}`);
    return Buffer.from("png");
  },
}));

const server = createServer((req, res) => {
  req.headers[siteOriginHeader] = "https://sign.example.org";
  const route = apiRoute(req, res);
  if (route) void route();
  else res.writeHead(418).end();
});
let base = "";
const actor = "owner@example.org";
const slugs = Array.from({ length: 30 }, (_, i) => `campaign-${i}`);

async function addCampaign(slug: string, published: boolean) {
  const values = blankCampaignValues();
  const parsed = parseCampaignInput({
    ...values,
    slug,
    goal: "100",
    texts: { ...values.texts, en: { title: `Campaign ${slug}`, ask: "Sign", storyHeadline: "Why", storyMarkdown: "Because.", translationNote: "" } },
  });
  if (!parsed.ok) throw new Error(`the test's campaign does not pass: ${JSON.stringify(parsed.errors)}`);
  expect(await createCampaign(parsed.input, actor)).toEqual({ kind: "done" });
  if (published) expect(await setCampaignState(slug, "published", actor)).toEqual({ kind: "done" });
}

beforeAll(async () => {
  await prepareDatabase();
  for (const slug of slugs) await addCampaign(slug, true);
  await addCampaign("still-a-draft", false);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const card = (path: string) => fetch(`${base}/og/${path}`).then(async (r) => (await r.arrayBuffer(), r.status));

describe("GET /og/<slug>/<locale>.png", () => {
  it("draws each campaign's card in each language once, when a client asks for them all over and over", async () => {
    for (let round = 0; round < 3; round++) {
      for (const slug of slugs) for (const locale of ["en", "ar"]) expect(await card(`${slug}/${locale}.png`)).toBe(200);
    }
    expect(drawn).toHaveLength(slugs.length * 2);
    expect(new Set(drawn).size).toBe(slugs.length * 2);
  });

  it("keeps no place for what is not a published campaign in a known language", async () => {
    const before = shareCards.size();
    for (let i = 0; i < 50; i++) expect(await card(`no-such-campaign-${i}/en.png`)).toBe(404);
    expect(await card("still-a-draft/en.png")).toBe(404);
    expect(await card("campaign-0/xx.png")).toBe(404);
    expect(shareCards.size()).toEqual(before);
    expect(drawn).toHaveLength(slugs.length * 2);
  });

  it("gives up a campaign's places once it is unpublished", async () => {
    const before = shareCards.size();
    expect(await setCampaignState("campaign-0", "unpublished", actor)).toEqual({ kind: "done" });
    expect(await card("campaign-0/en.png")).toBe(404);
    expect(shareCards.size()).toEqual({ campaigns: before.campaigns - 1, cards: before.cards - 2 });
  });
});
