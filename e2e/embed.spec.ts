import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { APIResponse, Locator, Page } from "@playwright/test";
import { expect, organiser, signInAsOrganiser, test } from "./support/fixtures";
import { startOwnApp } from "./support/own-app";

const title = "The White Helmets for the Nobel Peace Prize";

/** A partner's site on another origin (127.0.0.1, where the app is localhost): one news page with the snippet in it. */
async function startPartnerSite() {
  let snippet = "";
  const server = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html lang="en"><head><title>Partner news</title></head>
      <body><h1>Partner news</h1><p>Our story of the week, and a petition you can sign here.</p>${snippet}</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: `${origin}/news`,
    paste(html: string) {
      snippet = html;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const setCookies = async (response: APIResponse) =>
  (await response.headersArray()).filter(({ name }) => name.toLowerCase() === "set-cookie").map(({ value }) => value);

/** Whether the frame is exactly as tall as the petition in it, with nothing to scroll inside. */
async function fitsItsContent(frame: Locator) {
  const content = await (await frame.elementHandle())!.contentFrame();
  const outer = await frame.evaluate((element) => element.clientHeight);
  const inner = await content!.evaluate(() => ({
    height: Math.ceil(document.documentElement.getBoundingClientRect().height),
    scrollHeight: document.documentElement.scrollHeight,
    viewport: window.innerHeight,
  }));
  return Math.abs(outer - inner.height) <= 1 && inner.scrollHeight <= inner.viewport + 1;
}

/** The count, read by the partner's own page from the public API (a cross-site read, allowed by CORS). */
const totalSeenBy = (page: Page, appUrl: string) =>
  page.evaluate(async (url) => ((await (await fetch(url)).json()) as { total: number }).total, `${appUrl}/api/petitions/white-helmets`);

test("a reader signs on a partner's page, in a frame sized to the petition, and the count goes up by one", async ({ browser }) => {
  const partner = await startPartnerSite();
  // An app of its own, so no other test's signature moves the count; it lets only this partner frame it.
  const app = await startOwnApp({
    EMBED_ORIGINS: partner.origin,
    ADMIN_EMAIL: organiser.email,
    ADMIN_PASSWORD: organiser.password,
    SIGN_LIMIT_PER_ADDRESS: "0",
  });
  try {
    // The organiser copies the snippet from the campaign's dashboard.
    const desk = await browser.newContext({ baseURL: app.url });
    const dashboard = await desk.newPage();
    await signInAsOrganiser(dashboard, organiser);
    await dashboard.goto("/admin/petitions/white-helmets");
    await expect(dashboard.getByRole("heading", { name: "Put the petition on another site" })).toBeVisible();
    await expect(dashboard.getByText(`Only these sites may show it (EMBED_ORIGINS): ${partner.origin}.`)).toBeVisible();
    const snippet = await dashboard.getByLabel("In English").inputValue();
    expect(snippet).toContain(`<iframe data-countersign src="${app.url}/en/embed/white-helmets" title="${title}"`);
    expect(snippet).toContain(`<script src="${app.url}/embed.js" async></script>`);
    await desk.close();
    partner.paste(snippet);

    // A reader of the partner's page.
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
    await page.goto(partner.url);
    const before = await totalSeenBy(page, app.url);
    const frameElement = page.locator("iframe[data-countersign]");
    const frame = page.frameLocator("iframe[data-countersign]");
    await expect(frame.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect.poll(() => fitsItsContent(frameElement), { message: "the frame takes the petition's height" }).toBe(true);
    // The form is taller than the 600 pixels the snippet starts at.
    expect(await frameElement.evaluate((element) => element.clientHeight)).toBeGreaterThan(600);
    await expect(frame.getByRole("link", { name: "Read the whole story" })).toHaveAttribute("target", "_blank");

    await frame.getByLabel("Full name").fill("Amal Haddad");
    await frame.getByRole("textbox", { name: "Email" }).fill("amal-on-a-partner-page@example.org");
    await frame.getByLabel("Country").selectOption("LB");
    await frame.getByRole("button", { name: "Sign the petition" }).click();
    await expect(frame.getByRole("heading", { name: "Thank you, Amal!" })).toBeVisible();
    // The thank-you is another height: the frame follows it.
    await expect.poll(() => fitsItsContent(frameElement), { message: "the frame follows the thank-you's height" }).toBe(true);

    await expect.poll(() => totalSeenBy(page, app.url)).toBe(before + 1);
    expect(app.rows("select status from signatures where email = ?", "amal-on-a-partner-page@example.org")).toEqual([{ status: "confirmed" }]);
    // Cookieless: reading and signing in the frame left the reader's browser holding nothing of the app's.
    expect(await context.cookies(app.url)).toEqual([]);
    expect(errors.filter((text) => /Content Security Policy|frame-ancestors|postMessage/i.test(text))).toEqual([]);
    await context.close();

    // Only the listed partner may frame it.
    const embed = await fetch(`${app.url}/en/embed/white-helmets`);
    expect(embed.headers.get("content-security-policy")).toContain(`frame-ancestors ${partner.origin}`);
  } finally {
    await app.stop();
    await partner.close();
  }
});

test("the embed page may be framed by any site and sets no cookie; every other page still refuses frames", async ({ request }) => {
  for (const path of ["/en/embed/white-helmets", "/embed/white-helmets"]) {
    const response = await request.get(path, { headers: { "accept-language": "ar" } });
    expect(response.status(), path).toBe(200);
    const headers = response.headers();
    expect(headers["content-security-policy"], path).toMatch(/frame-ancestors https: http:$/);
    expect(headers["x-frame-options"], path).toBeUndefined();
    expect(await setCookies(response), path).toEqual([]);
    expect(await response.text(), path).toMatch(/<meta name="robots" content="noindex"/);
  }
  // Unprefixed, the frame speaks the reader's language.
  expect(await (await request.get("/embed/white-helmets", { headers: { "accept-language": "ar" } })).text()).toMatch(/<html lang="ar" dir="rtl"/);

  const page = await request.get("/en");
  expect(page.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(page.headers()["x-frame-options"]).toBe("DENY");
  // The site's own pages remember a chosen language; the embed above did not.
  expect((await setCookies(page)).join()).toContain("NEXT_LOCALE=en");

  const script = await request.get("/embed.js");
  expect(script.status()).toBe(200);
  expect(script.headers()["content-type"]).toMatch(/javascript/);
  expect(script.headers()["cache-control"]).toBe("public, max-age=3600");
});

test("partners' pages may read the count, and a preflight is answered for it", async ({ request }) => {
  const count = await request.get("/api/petitions/white-helmets", { headers: { origin: "https://partner.example" } });
  expect(count.status()).toBe(200);
  expect(count.headers()["access-control-allow-origin"]).toBe("*");
  expect(count.headers()["access-control-allow-credentials"]).toBeUndefined();
  expect(await count.json()).toMatchObject({ slug: "white-helmets", total: expect.any(Number) });

  const preflight = await request.fetch("/api/petitions/white-helmets", {
    method: "OPTIONS",
    headers: { origin: "https://partner.example", "access-control-request-method": "GET" },
  });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()["access-control-allow-origin"]).toBe("*");
  expect(preflight.headers()["access-control-allow-methods"]).toBe("GET");
});

test("a campaign page names its oEmbed, which describes the petition as a frame to paste", async ({ page, request, baseURL }) => {
  await page.goto("/en/p/white-helmets");
  const href = await page.locator('link[rel="alternate"][type="application/json+oembed"]').getAttribute("href");
  expect(href).toBe(`${baseURL}/api/oembed?format=json&url=${encodeURIComponent(`${baseURL}/en/p/white-helmets`)}`);

  const answer = await request.get(href!);
  expect(answer.status()).toBe(200);
  expect(answer.headers()["content-type"]).toMatch(/^application\/json/);
  expect(answer.headers()["access-control-allow-origin"]).toBe("*");
  const body = (await answer.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ version: "1.0", type: "rich", provider_name: "Countersign", provider_url: `${baseURL}/`, title, width: 600, height: 600 });
  expect(body.html).toBe(
    `<iframe data-countersign src="${baseURL}/en/embed/white-helmets" title="${title}" style="width:100%;border:0" height="600" loading="lazy" allow="clipboard-write"></iframe>` +
      `<script src="${baseURL}/embed.js" async></script>`,
  );

  const oembed = (query: string) => request.get(`/api/oembed?${query}`);
  const home = (await (await oembed(`url=${encodeURIComponent(`${baseURL}/`)}&maxwidth=400`)).json()) as Record<string, unknown>;
  expect(home).toMatchObject({ type: "rich", width: 400 });
  expect(home.html).toContain(`src="${baseURL}/embed/white-helmets"`);
  expect((await oembed(`url=${encodeURIComponent(`${baseURL}/en/p/white-helmets`)}&format=xml`)).status()).toBe(501);
  expect((await oembed("format=json")).status()).toBe(400);
  for (const url of ["https://evil.example/en/p/white-helmets", `${baseURL}/en/privacy`, `${baseURL}/en/p/no-such-campaign`]) {
    expect((await oembed(`url=${encodeURIComponent(url)}`)).status(), url).toBe(404);
  }
});
