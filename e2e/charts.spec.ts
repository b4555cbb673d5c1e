import type { Browser, Locator, Page } from "@playwright/test";
import { expect, organiser, signInAsOrganiser, test } from "./support/fixtures";

const dashboard = "/admin/petitions/white-helmets";
const charts = [
  { image: /^Signatures per hour/, table: /^Signatures per hour/, csv: "Download signatures per hour (CSV)" },
  { image: /^Signatures per day/, table: /^Signatures per day/, csv: "Download signatures per day (CSV)" },
  { image: /^World map of signatures by country/, table: /^Signatures by country/, csv: "Download signatures by country (CSV)" },
  { image: /came through signers' share links/, table: /^How signers came/, csv: "Download the referral figures (CSV)" },
  { image: /^Time to fill in the form/, table: /^Signatures by time to fill/, csv: "Download times to fill (CSV)" },
];

const hourOf = (ms: number) => new Date(Math.floor(ms / 3_600_000) * 3_600_000).toISOString();
const count = async (cell: Locator) => Number((await cell.textContent())!.replace(/\D/g, ""));

async function signIn(page: Page, fullName: string, email: string) {
  await page.getByLabel("Full name").fill(fullName);
  await page.getByRole("textbox", { name: "Email" }).fill(email);
  await page.getByLabel("Country").selectOption("IS");
  await page.getByRole("button", { name: "Sign the petition" }).click();
  await expect(page.getByRole("heading", { name: `Thank you, ${fullName.split(" ")[0]}!` })).toBeVisible();
}

/**
 * A signer from Iceland, and a friend who signs through the share link the signer is given, each
 * in a browser of their own. Returns the UTC hours (one, or two across the hour) they signed in.
 */
async function signerAndFriend(browser: Browser, baseURL: string | undefined, email: string): Promise<string[]> {
  const started = Date.now();
  const sharer = await browser.newContext({ baseURL });
  const page = await sharer.newPage();
  await page.goto("/en/p/white-helmets");
  await signIn(page, "Sharer Example", email);
  const shareUrl = await page.getByLabel("Link to this petition").inputValue();
  const friend = await browser.newContext({ baseURL });
  const friendPage = await friend.newPage();
  await friendPage.goto(shareUrl);
  await signIn(friendPage, "Friend Example", `friend-${email}`);
  await Promise.all([friend.close(), sharer.close()]);
  return [...new Set([hourOf(started), hourOf(Date.now())])];
}

async function openCampaign(page: Page) {
  await signInAsOrganiser(page, organiser);
  await page.getByRole("link", { name: "The White Helmets for the Nobel Peace Prize" }).click();
  await expect(page).toHaveURL(new RegExp(`${dashboard}$`));
}

async function showEveryTable(page: Page) {
  for (const summary of await page.locator("summary", { hasText: "Show the figures" }).all()) await summary.click();
}

test("an organiser sees each chart beside its figures, and new signatures in this hour's row after a reload", async ({
  page,
  browser,
  baseURL,
  uniqueEmail,
}) => {
  await openCampaign(page);
  await showEveryTable(page);
  const hourly = page.getByRole("table", { name: /^Signatures per hour/ });
  const allBefore = await count(hourly.getByRole("row", { name: /^All / }).getByRole("cell").last());

  const hours = await signerAndFriend(browser, baseURL, uniqueEmail);

  await page.reload();
  for (const chart of charts) {
    await expect(page.getByRole("img", { name: chart.image })).toBeVisible();
    await expect(page.getByRole("link", { name: chart.csv })).toBeVisible();
  }
  await showEveryTable(page);
  for (const chart of charts) await expect(page.getByRole("table", { name: chart.table })).toBeVisible();

  const allAfter = await count(hourly.getByRole("row", { name: /^All / }).getByRole("cell").last());
  expect(allAfter).toBeGreaterThanOrEqual(allBefore + 2);
  // The hour they signed in has its row, with both of them in its total (two rows, if the hour turned meanwhile).
  const signedHours = hourly.getByRole("row").filter({ has: page.locator(hours.map((h) => `time[datetime="${h}"]`).join(", ")) });
  await expect(signedHours.first()).toBeVisible();
  let inThoseHours = 0;
  for (const row of await signedHours.all()) inThoseHours += await count(row.getByRole("cell").last());
  expect(inThoseHours).toBeGreaterThanOrEqual(2);

  await expect(page.getByRole("table", { name: /^Signatures by country/ }).getByRole("row", { name: /^Iceland / })).toBeVisible();
  await expect(page.getByText(/came through signers' share links, from \d+ distinct sharers?/).first()).toBeVisible();
  // Counts only: the sharer is ranked, never named.
  await expect(page.getByRole("table", { name: /^How signers came/ })).not.toContainText("Sharer Example");
});

test("each chart's CSV answers text/csv with its figures, and nothing without a session", async ({ page, request, browser, baseURL, uniqueEmail }) => {
  const hours = await signerAndFriend(browser, baseURL, uniqueEmail);
  await openCampaign(page);

  // Each hour's row starts "2026-05-04 10:00"; one of those we signed in has a total of at least 1.
  const signedHours = hours.map((h) => `${h.slice(0, 10)} ${h.slice(11, 16)}`).join("|");
  const expected: Record<string, RegExp> = {
    "per-hour": new RegExp(
      `^\\uFEFFHour starting \\(UTC\\),Confirmed,Awaiting confirmation,Invalidated,Total\\r\\n[\\s\\S]*^(?:${signedHours}),\\d+,\\d+,\\d+,[1-9]\\d*\\r$`,
      "m",
    ),
    "per-day": /^\uFEFFDay \(UTC\),Confirmed,Awaiting confirmation,Invalidated,Total\r\n(?:\d{4}-\d\d-\d\d,\d+,\d+,\d+,\d+\r\n)+$/,
    countries: /^\uFEFFCountry code,Country,Signatures\r\n(?:[^\r\n]*\r\n)*IS,Iceland,[1-9]\d*\r\n/,
    referrals: /^\uFEFFFigure,Signatures\r\nCame through a signer's share link,[1-9]\d*\r\nCame without a share link,\d+\r\nSigners whose link brought anyone,[1-9]\d*\r\n/,
    "fill-time": /^\uFEFFTime to fill,From \(seconds\),Under \(seconds\),Signatures\r\nUnder 2 s,0,2,\d+\r\n[\s\S]*Unknown,,,\d+\r\n$/,
  };
  for (const chart of charts) {
    const href = (await page.getByRole("link", { name: chart.csv }).getAttribute("href"))!;
    const name = href.match(/\/charts\/([a-z-]+)\.csv$/)![1]!;
    const response = await page.request.get(href);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers()["content-disposition"]).toMatch(new RegExp(`^attachment; filename="white-helmets-${name}-\\d{4}-\\d\\d-\\d\\d\\.csv"$`));
    expect(await response.text()).toMatch(expected[name]!);

    // A stranger's request, with no organiser's cookie: refused, and no figure in the answer.
    const refused = await request.get(href);
    expect(refused.status()).toBe(401);
    expect(await refused.text()).not.toMatch(/Signatures|Confirmed|\d/);
  }
});
