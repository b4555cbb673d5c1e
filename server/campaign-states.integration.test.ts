import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blankCampaignValues, parseCampaignInput, type CampaignFormValues } from "@/lib/campaign-input";
import { closeCampaign, createCampaign, setCampaignState } from "@/lib/campaigns";
import { siteOriginHeader } from "@/lib/site-origin";
import { prepareDatabase } from "@/test/database";
import { apiRoute } from "./routes";
import { cardInputFor } from "./share-card-endpoint";
import { answerTakenDownAsGone } from "./taken-down";

// The fast lane as the front door runs it, and the taken-down check before a page is handed on
// (a page here answers 200, as Next.js would, so only the check can turn it into 410).
const site = "https://sign.example.org";
const server = createServer((req, res) => {
  req.headers[siteOriginHeader] = site;
  const route = apiRoute(req, res);
  if (route) return void route();
  void answerTakenDownAsGone(req, res).then(() => res.writeHead(200, { "Content-Type": "text/html" }).end("<p>page</p>"));
});
let base = "";
const actor = "editor@example.org";

async function newCampaign(slug: string, change: Partial<CampaignFormValues> = {}) {
  const values = blankCampaignValues();
  const parsed = parseCampaignInput({
    ...values,
    ...change,
    slug,
    requireConfirmation: false,
    texts: { ...values.texts, en: { title: `Campaign ${slug}`, ask: "Ask", storyHeadline: "Headline", storyMarkdown: "Story", translationNote: "" } },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  await createCampaign(parsed.input, actor);
}

const sign = (slug: string, email: string) =>
  fetch(`${base}/api/petitions/${slug}/signatures`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ fullName: "Api Signer", email, country: "GB" }),
  });

beforeAll(async () => {
  await prepareDatabase();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("a draft, to readers", () => {
  it("is not found by the count, signing, the share card or oEmbed, and its page is not marked gone", async () => {
    await newCampaign("quiet-draft");
    expect((await fetch(`${base}/api/petitions/quiet-draft`)).status).toBe(404);
    expect((await sign("quiet-draft", "a@example.org")).status).toBe(404);
    expect((await fetch(`${base}/og/quiet-draft/en.png`)).status).toBe(404);
    const oembed = await fetch(`${base}/api/oembed?url=${encodeURIComponent(`${site}/en/p/quiet-draft`)}`);
    expect(oembed.status).toBe(404);
    expect((await fetch(`${base}/en/p/quiet-draft`)).status).toBe(200);
  });
});

describe("a closed campaign", () => {
  it("keeps its count in the API, says it is closed, and refuses a signature with a code, never a success", async () => {
    await newCampaign("closing-soon");
    await setCampaignState("closing-soon", "published", actor);
    expect((await sign("closing-soon", "first@example.org")).status).toBe(201);
    await closeCampaign("closing-soon", actor);

    const refused = await sign("closing-soon", "late@example.org");
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: "This petition has closed and no longer takes signatures.", code: "petition-closed" });
    const count = await fetch(`${base}/api/petitions/closing-soon`);
    expect(count.status).toBe(200);
    expect(await count.json()).toMatchObject({ total: 1, closed: true });
  });
});

describe("an unpublished campaign", () => {
  it("answers its page and embed with 410 Gone, and nothing in the API", async () => {
    await setCampaignState("closing-soon", "unpublished", actor);
    expect((await fetch(`${base}/en/p/closing-soon`)).status).toBe(410);
    expect((await fetch(`${base}/ar/embed/closing-soon`)).status).toBe(410);
    expect((await fetch(`${base}/api/petitions/closing-soon`)).status).toBe(404);
    expect((await fetch(`${base}/en/p/white-helmets`)).status).toBe(200);
  });
});

describe("a stepping goal, once reached", () => {
  it("shows the next step in the API, and the share card says which was passed, in each language", async () => {
    await newCampaign("ladder", { goal: "1", steppingGoals: true });
    await setCampaignState("ladder", "published", actor);
    expect((await sign("ladder", "climber@example.org")).status).toBe(201);
    expect(await (await fetch(`${base}/api/petitions/ladder`)).json()).toMatchObject({ total: 1, goal: 500, goalPassed: 1 });
    expect((await cardInputFor("ladder", "en"))?.labels.goal).toBe("We passed 1 — next goal {goal}");
    expect((await cardInputFor("ladder", "ar"))?.labels.goal).toBe("تجاوزنا ١ — الهدف التالي {goal}");
    expect((await cardInputFor("white-helmets", "en"))?.labels.goal).not.toContain("passed");
  });
});
