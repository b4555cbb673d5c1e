import { randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { axeViolations } from "./support/axe";
import { expect, fillSignature, organiser, signInAsOrganiser, test } from "./support/fixtures";
import { sessionHeader } from "./support/session";

// An organiser makes a campaign in the admin and runs it from draft to taken down, while readers
// in browsers of their own find nothing, sign, are refused once it closes, and meet a kind page.
// The apps are shared by parallel tests, so the campaign has a slug no other test uses.

async function readerPage(browser: Browser, baseURL: string | undefined): Promise<Page> {
  return (await browser.newContext({ baseURL })).newPage();
}

/** The campaign's text in English, the language a new campaign is written in unless chosen otherwise. */
async function fillEnglish(page: Page, text: { title: string; ask: string; headline: string; story: string }) {
  const english = page.getByRole("group", { name: "Text in English" });
  await english.getByLabel("Title").fill(text.title);
  await english.getByLabel(/The ask/).fill(text.ask);
  await english.getByLabel("Story headline").fill(text.headline);
  await english.getByLabel("Story (Markdown)").fill(text.story);
}

/** Holds the page's scripts back until released: an organiser on a slow line types before they arrive. */
async function holdScripts(page: Page): Promise<() => void> {
  const scripts = "**/_next/static/**/*.js";
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(scripts, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** The browser's session cookie, as a header: sent by hand, as e2e/roles.spec.ts sends it. */

test("an organiser creates, previews, publishes, closes and unpublishes a campaign; readers see each step", async ({
  page,
  browser,
  baseURL,
  uniqueEmail,
}) => {
  const slug = `river-${randomUUID().slice(0, 8)}`;
  const title = `Save the River ${slug}`;

  await signInAsOrganiser(page, organiser);
  const link = page.getByRole("link", { name: "New campaign" });
  const releaseScripts = await holdScripts(page);
  await page.goto((await link.getAttribute("href")) ?? "", { waitUntil: "domcontentloaded" });
  await expect(page.getByRole("heading", { name: "New campaign" })).toBeVisible();

  await page.getByLabel("Address (slug)").fill(slug);
  await page.getByLabel("Goal (signatures)").fill("lots");
  const english = page.getByRole("group", { name: "Text in English" });
  await fillEnglish(page, {
    title,
    ask: "Stop the dumping upstream.",
    headline: "Our river is dying",
    story: "The **river** feeds the town.\n\n> We drank from it as children.",
  });
  releaseScripts();

  // The preview is the public page's own rendering of the Markdown, drawn as it is typed.
  const preview = page.getByRole("region", { name: "Preview of the story in English" });
  await expect(preview.locator("strong", { hasText: "river" })).toBeVisible();
  await expect(preview.locator("blockquote")).toHaveText("We drank from it as children.");

  // A mistake is named beside its field, and nothing typed is lost.
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Some fields need another look" })).toBeVisible();
  await expect(page.getByText("Write the goal as a whole number, in digits.")).toBeVisible();
  await expect(page.getByLabel("Address (slug)")).toHaveValue(slug);
  await expect(english.getByLabel("Title")).toHaveValue(title);
  await expect(english.getByLabel("Story (Markdown)")).toHaveValue(/The \*\*river\*\* feeds the town/);
  expect(await axeViolations(page)).toEqual([]);

  await page.getByLabel("Goal (signatures)").fill("1000");
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Draft created" })).toBeVisible();
  await expect(page.getByTestId("campaign-state")).toHaveText("Draft: seen by organisers only.");

  // The same slug is never given twice.
  await page.goto("/admin/petitions/new");
  await page.getByLabel("Address (slug)").fill(slug);
  await fillEnglish(page, { title: "Another campaign", ask: "Another ask", headline: "Another headline", story: "Another story." });
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByText(`The address /p/${slug} is taken`)).toBeVisible();
  await expect(page.getByLabel("Address (slug)")).toHaveValue(slug);

  // The admin home lists the draft with its state.
  await page.goto("/admin");
  await expect(page.getByRole("listitem").filter({ hasText: title })).toContainText("Draft");

  // A draft is not found by readers.
  const reader = await readerPage(browser, baseURL);
  expect((await reader.goto(`/p/${slug}`))!.status()).toBe(404);
  expect((await reader.request.get(`/api/petitions/${slug}`)).status()).toBe(404);
  for (const path of ["checkpoint", "vkey", "stats.json", "tile/entries/000.p/1"]) expect((await reader.request.get(`/log/${slug}/${path}`)).status()).toBe(404);

  await page.goto(`/admin/petitions/${slug}/edit`);
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByTestId("campaign-state")).toHaveText("Published: live for readers.");

  // Published: a reader signs.
  await expect.poll(async () => (await reader.goto(`/p/${slug}`))!.status()).toBe(200);
  await expect(reader.getByRole("heading", { name: "Our river is dying" })).toBeVisible();
  await fillSignature(reader, { fullName: "River Reader", email: uniqueEmail, country: "GB" });
  await reader.getByRole("button", { name: "Sign the petition" }).click();
  await expect(reader.getByRole("heading", { name: /Thank you/ })).toBeVisible();
  // Its count log is public now, and takes the signature within a second or so.
  await expect.poll(async () => (await (await reader.request.get(`/log/${slug}/checkpoint`)).text()).split("\n")[1], { timeout: 15_000 }).toBe("1");

  // A second reader has the form open when the organiser closes the campaign.
  const late = await readerPage(browser, baseURL);
  await late.goto(`/p/${slug}`);
  await fillSignature(late, { fullName: "Late Reader", email: `late-${uniqueEmail}`, country: "GB" });
  await page.getByRole("button", { name: "Close now" }).click();
  await expect(page.getByText(/^Closed since .* UTC/)).toBeVisible();
  await late.getByRole("button", { name: "Sign the petition" }).click();
  await expect(late.getByRole("alert").filter({ hasText: "closed" })).toHaveText(
    "This petition has closed and no longer takes signatures. Thank you for wanting to add your name.",
  );
  await expect(late.getByLabel("Full name")).toHaveValue("Late Reader");

  // The page stays, with its count, and says it has closed; the API refuses with a code.
  await late.goto(`/p/${slug}`);
  await expect(late.getByText(/This petition closed on/)).toBeVisible();
  await expect(late.getByTestId("signature-total")).toHaveAttribute("data-total", "1");
  await expect(late.getByRole("button", { name: "Sign the petition" })).toHaveCount(0);
  expect(await axeViolations(late)).toEqual([]);
  await expect
    .poll(async () => {
      const response = await late.request.post(`/api/petitions/${slug}/signatures`, {
        data: { fullName: "Api Reader", email: `api-${uniqueEmail}`, country: "GB" },
      });
      return [response.status(), (await response.json()).code];
    })
    .toEqual([403, "petition-closed"]);

  // The export still works for the closed campaign, with the signature made before it closed.
  const csv = await page.request.get(`/admin/petitions/${slug}/signatures.csv`, { headers: await sessionHeader(page) });
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text).toContain(uniqueEmail);
  expect(text).not.toContain(`late-${uniqueEmail}`);

  // Unpublished: readers find a kind page, in their language, answered as gone.
  await page.goto(`/admin/petitions/${slug}/edit`);
  await page.getByRole("button", { name: "Unpublish", exact: true }).click();
  await expect(page.getByTestId("campaign-state")).toHaveText("Unpublished: taken down; readers see a kind page.");
  await expect.poll(async () => (await reader.goto(`/en/p/${slug}`))!.status()).toBe(410);
  await expect.poll(async () => (await reader.request.get(`/log/${slug}/checkpoint`)).status()).toBe(404);
  await expect(reader.getByRole("heading", { name: "This campaign has been taken down" })).toBeVisible();
  await expect(reader.getByText("This campaign has been taken down by its organisers.")).toBeVisible();
  expect((await reader.goto(`/ar/p/${slug}`))!.status()).toBe(410);
  await expect(reader.getByRole("heading", { name: "أُزيلت هذه الحملة" })).toBeVisible();
  expect(await axeViolations(reader)).toEqual([]);

  // Every step is in the audit log.
  await page.goto("/admin/audit");
  for (const action of ["campaign-create", "campaign-publish", "campaign-close", "campaign-unpublish"]) {
    await expect(page.getByRole("row").filter({ hasText: slug }).filter({ hasText: action }).first()).toBeVisible();
  }
  await Promise.all([reader.context().close(), late.context().close()]);
});
