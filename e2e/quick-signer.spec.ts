import { execFileSync } from "node:child_process";
import { expect, fillSignature, linkIn, storedSignature, test, waitForMail } from "./support/fixtures";

/** A genuine form stamp for the test app's database, issued `msAgo` before now. */
function stampIssued(msAgo: number): string {
  return execFileSync(process.execPath, ["--import", "tsx", "test/form-token.ts", "issue", String(msAgo)], {
    env: { ...process.env, DATABASE_URL: process.env.E2E_PLAIN_DATABASE_URL },
  }).toString();
}

const dayMs = 24 * 60 * 60 * 1000;

test.describe("a signer whose browser fills the form in at once", () => {
  for (const javaScriptEnabled of [true, false]) {
    test(`is thanked, stored and counted, with the time it took kept as a signal (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({
      browser,
      baseURL,
      uniqueEmail,
    }) => {
      const context = await browser.newContext({ javaScriptEnabled, baseURL });
      const page = await context.newPage();
      await page.goto("/");
      // As autofill does: every field at once, and the button pressed straight away.
      await fillSignature(page, { fullName: "Autofill Amal", email: uniqueEmail });
      await page.getByRole("button", { name: "Sign the petition" }).click();
      await expect(page.getByRole("heading", { name: "Thank you, Autofill!" })).toBeVisible();
      const [row] = storedSignature(uniqueEmail);
      expect(row).toMatchObject({ status: "confirmed", full_name: "Autofill Amal" });
      expect(row!.fill_ms).toEqual(expect.any(Number));
      await context.close();
    });
  }

  test("with confirmation on, is asked to confirm by email like anyone, and then counts", async ({ browser, uniqueEmail }) => {
    const context = await browser.newContext({ baseURL: process.env.E2E_MAIL_URL });
    const page = await context.newPage();
    await page.goto("/");
    await fillSignature(page, { fullName: "Swift Salma", email: uniqueEmail });
    await page.getByRole("button", { name: "Sign the petition" }).click();
    await expect(page.getByRole("heading", { name: "Almost done, Swift: check your email" })).toBeVisible();
    expect(storedSignature(uniqueEmail, "mail")).toMatchObject([{ status: "pending" }]);

    const [mail] = await waitForMail(uniqueEmail);
    await page.goto(linkIn(mail!, `${process.env.E2E_MAIL_URL}/en/confirm/`));
    await page.getByRole("button", { name: "Confirm my signature" }).click();
    await expect(page.getByRole("heading", { name: /your signature counts/ })).toBeVisible();
    expect(storedSignature(uniqueEmail, "mail")).toMatchObject([{ status: "confirmed" }]);
    await context.close();
  });
});

for (const javaScriptEnabled of [true, false]) {
  test(`a form left open over a day asks to be sent again, keeps every value, and then signs (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({
    browser,
    baseURL,
    uniqueEmail,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled, baseURL });
    const page = await context.newPage();
    await page.goto("/");
    // The page as it was when it was opened yesterday.
    await page.locator('input[name="formToken"]').evaluate((input, stamp) => ((input as HTMLInputElement).value = stamp), stampIssued(dayMs + 60_000));
    await fillSignature(page, { fullName: "Slow Sami", email: uniqueEmail, country: "LB", comment: "Took my time." });
    await page.getByRole("button", { name: "Sign the petition" }).click();

    await expect(page.getByRole("alert").filter({ hasText: "send it again" })).toBeVisible();
    await expect(page.getByLabel("Full name")).toHaveValue("Slow Sami");
    await expect(page.getByRole("textbox", { name: "Email" })).toHaveValue(uniqueEmail);
    await expect(page.getByLabel("Country")).toHaveValue("LB");
    await expect(page.getByLabel(/Why are you signing/)).toHaveValue("Took my time.");
    expect(storedSignature(uniqueEmail)).toEqual([]);

    await page.getByRole("button", { name: "Sign the petition" }).click();
    await expect(page.getByRole("heading", { name: "Thank you, Slow!" })).toBeVisible();
    expect(storedSignature(uniqueEmail)).toMatchObject([{ status: "confirmed", comment: "Took my time." }]);
    await context.close();
  });
}
