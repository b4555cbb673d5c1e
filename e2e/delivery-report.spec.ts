import { readFile } from "node:fs/promises";
import type { Browser, Page } from "@playwright/test";
import { pdfPages } from "../test/pdf-text";
import { axeViolations } from "./support/axe";
import { expect, fillSignature, linkIn, organiser, signInAsOrganiser, test, waitForMail } from "./support/fixtures";
import { sessionHeader } from "./support/session";

// An organiser downloads the delivery report for the decision maker in the browser and reads it
// back: the campaign's title, the total the dashboard shows, and, when asked, the signers' names
// but never their addresses. A viewer gets the figures, and a 403 for the names.

const dashboard = "/admin/petitions/white-helmets";
const reportUrl = `${dashboard}/report.pdf`;
const title = "The White Helmets for the Nobel Peace Prize";

/** The total on the campaign dashboard, as a number. */
async function dashboardTotal(page: Page): Promise<number> {
  await page.goto(dashboard);
  const total = page.locator("dl.stats > div").filter({ has: page.getByText("Total", { exact: true }) }).locator("dd");
  return Number((await total.textContent())!.replace(/\D/g, ""));
}

/** Presses the report page's button and returns the downloaded PDF's name and text. */
async function downloadReport(page: Page) {
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download the delivery report (PDF)" }).click();
  const download = await downloading;
  const text = (await pdfPages(await readFile((await download.path())!))).join(" ");
  return { filename: download.suggestedFilename(), text };
}

/** The figure the report gives as its total. */
const reportTotal = (text: string) => Number(/([\d,]+) signatures As of /.exec(text)?.[1]?.replace(/,/g, "") ?? Number.NaN);

test("an organiser downloads the delivery report, with the dashboard's total and, when asked, the signers' names", async ({
  page,
  uniqueEmail,
}) => {
  await page.goto("/");
  await fillSignature(page, { fullName: "Sigrún Report", email: uniqueEmail, country: "IS" });
  await page.getByRole("button", { name: "Sign the petition" }).click();
  await expect(page.getByRole("heading", { name: /Thank you/ })).toBeVisible();

  await signInAsOrganiser(page, organiser);
  // Other tests sign at the same time, so the report's total lies between two readings of the dashboard's.
  const before = await dashboardTotal(page);
  await page.getByRole("link", { name: /^Delivery report \(PDF\)/ }).click();
  await expect(page.getByRole("heading", { name: "Delivery report" })).toBeVisible();
  await expect(page.getByText("Email addresses and comments are never included.")).toBeVisible();

  const plain = await downloadReport(page);
  expect(plain.filename).toMatch(/^white-helmets-delivery-report-\d{4}-\d\d-\d\d\.pdf$/);
  expect(plain.text).toContain(title);
  expect(plain.text).toContain("How the signatures were verified");
  expect(plain.text).not.toContain("Sigrún Report");
  const after = await dashboardTotal(page);
  const total = reportTotal(plain.text);
  expect(total).toBeGreaterThanOrEqual(before);
  expect(total).toBeLessThanOrEqual(after);

  await page.goto(`${dashboard}/report`);
  expect(await axeViolations(page)).toEqual([]);
  await page.getByLabel("Include the names and countries of the signers").check();
  const withNames = await downloadReport(page);
  expect(withNames.filename).toMatch(/^white-helmets-delivery-report-with-names-\d{4}-\d\d-\d\d\.pdf$/);
  expect(withNames.text).toContain(title);
  expect(withNames.text).toContain("Sigrún Report Iceland");
  expect(withNames.text).not.toContain(uniqueEmail);
  // No address of any signer: every test signs as signer-<8 hex>@example.org.
  expect(withNames.text).not.toMatch(/signer-[0-9a-f]{8}@example\.org/);

  await page.goto("/admin/audit");
  await expect(page.getByRole("table")).toContainText("Delivery report (PDF) with signers' names and countries");
});

test("the report without a session answers 401", async ({ request }) => {
  const response = await request.get(`${reportUrl}?names=on`);
  expect(response.status()).toBe(401);
  expect(response.headers()["content-type"]).not.toContain("pdf");
});

test.describe("a viewer", () => {
  test.use({ app: "mail" });

  /** The browser's session cookie, as a header: sent by hand, as e2e/roles.spec.ts does. */

  /** The owner invites a viewer, who accepts in a browser of their own and lands signed in. */
  async function invitedViewer(owner: Page, browser: Browser, baseURL: string, email: string): Promise<Page> {
    await owner.goto("/admin/organisers");
    await owner.getByLabel("Their email").fill(email);
    await owner.getByLabel("Role", { exact: true }).selectOption("viewer");
    await owner.getByRole("button", { name: "Send invitation" }).click();
    await expect(owner.getByRole("status").filter({ hasText: `Invitation sent to ${email} as viewer` })).toBeVisible();
    const [mail] = await waitForMail(email);
    const viewer = await (await browser.newContext({ baseURL })).newPage();
    await viewer.goto(linkIn(mail!, `${baseURL}/admin/invitation/`));
    await viewer.getByLabel("Choose a password").fill("viewer password, long enough");
    await viewer.getByLabel("The same password again").fill("viewer password, long enough");
    await viewer.getByRole("button", { name: "Accept and sign in" }).click();
    await expect(viewer.getByText(`Signed in as ${email} (viewer)`)).toBeVisible();
    return viewer;
  }

  test("downloads the report without names, and is refused the names", async ({ page, browser, baseURL, uniqueEmail }) => {
    await signInAsOrganiser(page, organiser);
    const viewer = await invitedViewer(page, browser, baseURL!, `viewer-${uniqueEmail}`);
    await viewer.goto(`${dashboard}/report`);
    await expect(viewer.getByRole("heading", { name: "Delivery report" })).toBeVisible();
    await expect(viewer.getByLabel("Include the names and countries of the signers")).toHaveCount(0);
    await expect(viewer.getByText("Only an owner can download the report with signers' names")).toBeVisible();
    const report = await downloadReport(viewer);
    expect(report.text).toContain(title);
    expect(report.text).not.toContain("The signers (");

    // Hidden is not the check: asking for the names with the viewer's session is refused.
    const refused = await viewer.request.get(`${reportUrl}?names=on`, { headers: await sessionHeader(viewer) });
    expect(refused.status()).toBe(403);
    expect(refused.headers()["content-disposition"]).toBeUndefined();
    expect(await refused.text()).not.toContain("%PDF");
    await viewer.context().close();
  });
});
