import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { verifyReceiptProof } from "@/lib/log-proof/receipt-proof";
import { axeViolations } from "./support/axe";
import { expect, fillSignature, linkIn, test, waitForMail } from "./support/fixtures";

const receiptPath = "/p/white-helmets/receipt";
const receiptLinkName = "check that your signature is in the public count";

/** The value a definition list gives one term. */
const factOf = (page: Page, term: string) => page.locator("dt", { hasText: term }).locator("xpath=following-sibling::dd[1]");

/**
 * Presses the check until its answer says `expected`. The log is sequenced about once a second, and
 * until a signature's entry is, the site knows no entry for it ("not yet", or "not found").
 */
async function checkUntil(page: Page, expected: string, button = "Check my signature") {
  const result = page.getByRole("status");
  await expect(async () => {
    await page.getByRole("button", { name: button }).click();
    await expect(result).not.toBeEmpty({ timeout: 3_000 });
    await expect(result).toContainText(expected, { timeout: 100 });
  }).toPass({ timeout: 15_000 });
  return result;
}

/** Every script the page loaded, as text, to see which code a page ships. */
function loadedScripts(page: Page): Promise<string>[] {
  const scripts: Promise<string>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") scripts.push(response.text().catch(() => ""));
  });
  return scripts;
}

test.describe("checking the count", () => {
  test("a signer follows their receipt link, finds their entry in the log, downloads its proof, and another address is not found", async ({
    page,
    uniqueEmail,
  }) => {
    await page.goto("/en/p/white-helmets");
    await fillSignature(page, { fullName: "Rania Darwish", email: uniqueEmail });
    await page.getByRole("button", { name: "Sign the petition" }).click();
    await expect(page.getByRole("heading", { name: "Thank you, Rania!" })).toBeVisible();
    const receipt = page.getByRole("link", { name: receiptLinkName });
    expect(await receipt.getAttribute("href")).toMatch(/\/en\/p\/white-helmets\/receipt#[0-9a-f]{64}$/);
    await receipt.click();

    await expect(page.getByRole("heading", { level: 1, name: "Check this count" })).toBeVisible();
    await page.getByLabel("The email you signed with").fill(uniqueEmail);
    const result = await checkUntil(page, "Your signature is in the public log.");
    const index = Number(await factOf(page, "Entry in the log").textContent());
    const count = Number((await factOf(page, "The count right after it").textContent())!.replace(/,/g, ""));
    expect(index).toBeGreaterThanOrEqual(0);
    expect(count).toBeGreaterThanOrEqual(1);
    await expect(factOf(page, "How it counted")).toHaveText("Counted at once, with no email to confirm");
    expect(await axeViolations(page)).toEqual([]);

    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download proof" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`receipt-white-helmets-${index}.json`);
    const proof = JSON.parse(await readFile(await download.path(), "utf8"));
    expect(proof).toMatchObject({ format: "countersign-receipt-v1", index });
    // The file stands on its own: checked here with no site to ask.
    expect(verifyReceiptProof(proof)).toMatchObject({ kind: "included", index, count });

    await page.getByLabel("The email you signed with").fill(`someone-else-${uniqueEmail}`);
    await page.getByRole("button", { name: "Check my signature" }).click();
    await expect(result).toContainText("No signature in this count matches that address with this link.");
  });

  test("the page says what it needs: the receipt link for the signer's own check, and JavaScript for it", async ({ page, browser, baseURL, request }) => {
    await page.goto(`/en${receiptPath}`);
    await expect(page.getByText("To check your own signature, open this page from your receipt link")).toBeVisible();
    await expect(page.getByLabel("The email you signed with")).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Check the whole count" })).toBeVisible();

    await page.goto(`/en${receiptPath}#not-a-salt`);
    await expect(page.getByText("This receipt link is incomplete")).toBeVisible();

    // Chromium with scripts turned off still parses <noscript> as if they ran, so its note is read from the page's HTML.
    const html = await (await request.get(`/en${receiptPath}`)).text();
    expect(html).toMatch(/<noscript><p class="notice">This check runs in your browser, so it needs JavaScript/);
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
    const plain = await context.newPage();
    await plain.goto(`/en${receiptPath}#${randomBytes(32).toString("hex")}`);
    await expect(plain.getByLabel("The email you signed with")).toHaveCount(0);
    await expect(factOf(plain, "Root hash")).toHaveText(/^[A-Za-z0-9+/]{43}=$/);
    await context.close();
  });

  test("the whole count names the log's files and the command that checks them", async ({ page, request, baseURL }) => {
    await page.goto(`/en${receiptPath}`);
    const count = page.getByRole("region", { name: "Check the whole count" });
    await expect(count).toContainText("no one, not even the campaign, can rewrite");
    // The seeded campaign began with signatures gathered elsewhere, which the log cannot hold one by one.
    await expect(count).toContainText("also counts signatures gathered before this page opened (325,000)");
    await expect(count.locator("pre")).toHaveText(`npm run log:verify -- ${baseURL} white-helmets`);
    for (const [name, path] of [
      ["Checkpoint", "/log/white-helmets/checkpoint"],
      ["Figures (stats.json)", "/log/white-helmets/stats.json"],
      ["Public key", "/log/white-helmets/vkey"],
    ] as const) {
      await expect(count.getByRole("link", { name })).toHaveAttribute("href", path);
      expect((await request.get(path)).status(), path).toBe(200);
    }
    // The checkpoint names its tree size on its second line, and the page one no greater than it now is.
    const checkpoint = await (await request.get("/log/white-helmets/checkpoint")).text();
    const shown = Number((await factOf(page, "Entries in the log").textContent())!.replace(/,/g, ""));
    expect(shown).toBeLessThanOrEqual(Number(checkpoint.split("\n")[1]));
  });

  test("the campaign page links to the check, and ships none of its code", async ({ page }) => {
    const scripts = loadedScripts(page);
    const shipsChecker = async () => (await Promise.all(scripts)).some((script) => script.includes("countersign-receipt-v1"));
    await page.goto("/en/p/white-helmets");
    await page.waitForLoadState("networkidle");
    const link = page.getByRole("link", { name: "Check this count" });
    await expect(link).toHaveAttribute("href", `/en${receiptPath}`);
    expect(await shipsChecker()).toBe(false);
    await link.click();
    await expect(page.getByRole("heading", { level: 1, name: "Check this count" })).toBeVisible();

    // The same look finds it once a check has run, so the look above can fail. The link's own
    // navigation settles first, and the receipt link is then loaded whole: a hash set while the
    // router is still moving can be dropped by it.
    await expect(page).toHaveURL(new RegExp(`/en${receiptPath}$`));
    await page.goto("about:blank");
    await page.goto(`/en${receiptPath}#${randomBytes(32).toString("hex")}`);
    await page.getByLabel("The email you signed with").fill("nobody@example.org");
    await checkUntil(page, "No signature in this count matches");
    expect(await shipsChecker()).toBe(true);
  });

  test("there is no receipt page for a campaign that does not exist", async ({ page }) => {
    const response = await page.goto("/en/p/no-such-campaign/receipt");
    expect(response!.status()).toBe(404);
  });

  test("in Arabic the page is right to left, in Arabic, and passes axe-core with an answer showing", async ({ page }) => {
    await page.goto(`/ar${receiptPath}#${randomBytes(32).toString("hex")}`);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("تحقّق من هذا العدد");
    await page.getByLabel("البريد الإلكتروني الذي وقّعت به").fill("nobody@example.org");
    await checkUntil(page, "لا يطابق أيُّ توقيع", "تحقّق من توقيعي");
    expect(await axeViolations(page)).toEqual([]);
  });

  test("in English the page with its form passes axe-core", async ({ page }) => {
    await page.goto(`/en${receiptPath}#${randomBytes(32).toString("hex")}`);
    await expect(page.getByLabel("The email you signed with")).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
});

test.describe("a receipt after confirming by email", () => {
  test.use({ app: "mail" });

  test("the confirmed page links to the receipt, which finds the signature confirmed by email", async ({ page, baseURL, uniqueEmail }) => {
    await page.goto("/en/p/white-helmets");
    await fillSignature(page, { fullName: "Yusuf Hamdan", email: uniqueEmail });
    await page.getByRole("button", { name: "Sign the petition" }).click();
    await expect(page.getByRole("heading", { name: /check your email/ })).toBeVisible();
    const [mail] = await waitForMail(uniqueEmail);
    await page.goto(linkIn(mail!, `${baseURL}/en/confirm/`));
    await page.getByRole("button", { name: "Confirm my signature" }).click();
    await expect(page.getByRole("heading", { name: "Thank you, Yusuf: your signature counts!" })).toBeVisible();

    await page.getByRole("link", { name: receiptLinkName }).click();
    await page.getByLabel("The email you signed with").fill(uniqueEmail);
    await checkUntil(page, "Your signature is in the public log.");
    await expect(factOf(page, "How it counted")).toHaveText("Confirmed by email");
  });
});
