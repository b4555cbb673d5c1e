import { randomBytes } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { axeViolations } from "./support/axe";
import { expect, organiser, signInAsOrganiser, test } from "./support/fixtures";

// An organiser searches a campaign's signatures by name, address and country, and pages through
// them 50 at a time. The app is shared with tests running beside this one: every signer here has
// a name and address of this test's own, and every search asks for them.

const signatures = "/admin/petitions/white-helmets/signatures";

/** Six random lower-case letters: a name part no other test's signer has. */
const tag = () => Array.from(randomBytes(6), (b) => String.fromCharCode(97 + (b % 26))).join("");

async function sign(request: APIRequestContext, fullName: string, email: string, country: string) {
  const response = await request.post("/api/petitions/white-helmets/signatures", { data: { fullName, email, country } });
  expect(response.status(), `${fullName} <${email}>`).toBe(201);
}

const results = (page: Page) => page.getByRole("table", { name: "Signatures found, newest first" });
/** How many signatures the results show: their rows, less the header's. */
const rowsShown = async (page: Page) => (await results(page).getByRole("row").all()).length - 1;

async function search(page: Page, fields: { name?: string; email?: string; country?: string }) {
  await page.getByLabel("Name starts with").fill(fields.name ?? "");
  await page.getByLabel("Email address or domain").fill(fields.email ?? "");
  await page.getByLabel("Country", { exact: true }).selectOption(fields.country ?? "");
  await page.getByRole("button", { name: "Search", exact: true }).click();
}

test("an organiser finds signers by name, address and country, and pages older and newer", async ({ page, request }) => {
  const t = tag();
  // 55 signers: more than a page. Accents in the name; the search is typed without them.
  for (let n = 1; n <= 55; n++) {
    await sign(request, `Ödön ${t} Signer ${n}`, `list-${t}-${n}@example.org`, n === 20 ? "NZ" : "IS");
  }

  await signInAsOrganiser(page, organiser);
  await page.getByRole("link", { name: "The White Helmets for the Nobel Peace Prize" }).click();
  await expect(page.getByRole("table", { name: "Latest signatures" })).toBeVisible();
  await page.getByRole("link", { name: "Search all signatures" }).click();
  await expect(page.getByRole("heading", { name: "Signatures", level: 1 })).toBeVisible();

  // By the start of the name, in lower case and without the accent: the newest 50, newest first.
  await search(page, { name: `odon ${t}` });
  await expect(page).toHaveURL(new RegExp(`[?&]name=odon\\+${t}(&|$)`));
  await expect(page.getByLabel("Name starts with")).toHaveValue(`odon ${t}`);
  await expect.poll(() => rowsShown(page)).toBe(50);
  await expect(results(page).getByRole("row").nth(1)).toContainText(`Ödön ${t} Signer 55`);
  expect(await axeViolations(page)).toEqual([]);
  await expect(results(page).getByRole("row").nth(50)).toContainText(`Ödön ${t} Signer 6`);
  const pager = page.getByRole("navigation", { name: "Pages of signatures" });
  await expect(pager.getByRole("link", { name: "Newer" })).toHaveCount(0);

  // Older: the last five, and nothing further back.
  await pager.getByRole("link", { name: "Older" }).click();
  await expect(page).toHaveURL(/[?&]older=\d+$/);
  await expect.poll(() => rowsShown(page)).toBe(5);
  await expect(results(page).getByRole("row").nth(1)).toContainText(`Ödön ${t} Signer 5`);
  await expect(results(page).getByRole("row").nth(5)).toContainText(`Ödön ${t} Signer 1`);
  await expect(pager.getByRole("link", { name: "Older" })).toHaveCount(0);
  await expect(page.getByLabel("Name starts with")).toHaveValue(`odon ${t}`);

  // Newer: back to the newest 50.
  await pager.getByRole("link", { name: "Newer" }).click();
  await expect(page).toHaveURL(/[?&]newer=\d+$/);
  await expect.poll(() => rowsShown(page)).toBe(50);
  await expect(results(page).getByRole("row").nth(1)).toContainText(`Ödön ${t} Signer 55`);

  // By address, however it is typed: that one signer.
  await search(page, { email: ` LIST-${t}-7@Example.ORG ` });
  await expect.poll(() => rowsShown(page)).toBe(1);
  await expect(results(page)).toContainText(`list-${t}-7@example.org`);
  await expect(results(page)).toContainText("Confirmed");

  // By country, with the name: the one from New Zealand.
  await search(page, { name: `Ödön ${t}`, country: "NZ" });
  await expect.poll(() => rowsShown(page)).toBe(1);
  await expect(results(page)).toContainText(`Ödön ${t} Signer 20`);
  await expect(results(page)).toContainText("New Zealand");
  await expect(page.getByLabel("Country", { exact: true })).toHaveValue("NZ");

  // Nothing found says so; a search that cannot be read says why and keeps what was typed.
  await search(page, { name: `odon ${t} nobody` });
  await expect(page.getByRole("status").filter({ hasText: "No signatures match this search." })).toBeVisible();
  await search(page, { name: `odon ${t}`, email: "two@at@example.org" });
  await expect(page.getByRole("alert").filter({ hasText: "Check the search" })).toBeVisible();
  await expect(page.getByText("Give a whole address, or a domain such as example.org.")).toBeVisible();
  await expect(page.getByLabel("Email address or domain")).toHaveValue("two@at@example.org");
  await expect(page.getByLabel("Name starts with")).toHaveValue(`odon ${t}`);
  await expect(results(page)).toHaveCount(0);
});

test("the list answers a visitor who is not signed in with the sign-in page, and shows no one", async ({ page }) => {
  await page.goto(`${signatures}?email=list@example.org`);
  await expect(page).toHaveURL(/\/admin\/login$/);
  await expect(page.getByRole("table")).toHaveCount(0);
});
