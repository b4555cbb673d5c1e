import type { Browser, Page } from "@playwright/test";
import { axeViolations } from "./support/axe";
import { expect, fillSignature, organiser, rowsIn, signInAsOrganiser, test } from "./support/fixtures";
import { startOwnApp } from "./support/own-app";

// An owner imports signatures gathered on another platform: a CSV with a signer who has signed
// here already, an address twice, a bad address and a row without a name. It imports and undoes on
// an app of its own: the undo takes signatures off the campaign's total, which tests on the shared
// app compare with readings taken before (CI saw the delivery report's total above the dashboard's
// after it). Counts are compared as "Imported" and by the import's own rows in the database.

const dashboard = "/admin/petitions/white-helmets";

/** A figure among the dashboard's stats, by its name. */
async function stat(page: Page, name: string): Promise<number> {
  const figure = page
    .locator(".stats > div")
    .filter({ has: page.getByRole("term").filter({ hasText: new RegExp(`^${name}$`) }) })
    .getByRole("definition");
  return Number((await figure.textContent())!.replace(/\D/g, ""));
}

/** Someone who signs the petition in a browser of their own, before the import. */
async function signHere(browser: Browser, baseURL: string | undefined, email: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto("/en/p/white-helmets");
  await fillSignature(page, { fullName: "Existing Signer", email });
  await page.getByRole("button", { name: "Sign the petition" }).click();
  await expect(page.getByRole("heading", { name: "Thank you, Existing!" })).toBeVisible();
  await context.close();
}

test("an owner imports a CSV with duplicates and bad rows, sees why each is left out, and undoes it", async ({ browser, uniqueEmail }) => {
  const app = await startOwnApp({ ADMIN_EMAIL: organiser.email, ADMIN_PASSWORD: organiser.password, SIGN_LIMIT_PER_ADDRESS: "0" });
  const owner = await browser.newContext({ baseURL: app.url });
  const page = await owner.newPage();
  try {
    await signHere(browser, app.url, uniqueEmail);
    const file = [
      "First name,Last name,E-mail,Land of residence,Signed,Newsletter",
      `Rana,Khalil,rana-${uniqueEmail},Syria,2024-03-01,yes`, // row 2
      `Jonas,Berg,jonas-${uniqueEmail},SE,2024-03-02,no`, // row 3
      `Existing,Signer,${uniqueEmail.toUpperCase()},SY,,`, // row 4: has signed here
      `Mei,Chen,mei-${uniqueEmail},Taiwan,,`, // row 5
      `Rana,K.,RANA-${uniqueEmail},SY,2024-03-04,`, // row 6: row 2's address again
      "Broken,Address,broken-at-example.org,FR,,", // row 7: no @
      `,,nameless-${uniqueEmail},FR,,`, // row 8: no name
    ].join("\r\n");

    await signInAsOrganiser(page, organiser);
    await page.goto(dashboard);
    const before = { imported: await stat(page, "Imported"), here: await stat(page, "Signed here") };

    await page.getByRole("link", { name: "Import signatures from CSV" }).click();
    await expect(page.getByRole("heading", { name: "Import signatures" })).toBeVisible();
    await page.getByLabel("CSV file").setInputFiles({ name: "other-platform.csv", mimeType: "text/csv", buffer: Buffer.from(file, "utf8") });
    await page.getByRole("button", { name: "Upload and choose columns" }).click();
    await expect(page.getByRole("heading", { name: "Import of other-platform.csv" })).toBeVisible();
    const importId = Number(page.url().match(/\/import\/(\d+)$/)![1]);

    // Guessed from the header, but for the country, whose column has a name of its own.
    await expect(page.getByLabel("First name", { exact: true })).toHaveValue("0");
    await expect(page.getByLabel("Last name", { exact: true })).toHaveValue("1");
    await expect(page.getByLabel("Email", { exact: true })).toHaveValue("2");
    await expect(page.getByLabel("Signed at", { exact: true })).toHaveValue("4");
    await expect(page.getByLabel("Wants updates", { exact: true })).toHaveValue("5");
    await expect(page.getByLabel("Country", { exact: true })).toHaveValue("");

    // Without a country, the report is refused with the reason, and every choice is kept.
    await page.getByRole("button", { name: "Check every row" }).click();
    await expect(page.getByText("Choose the column that holds each signer's country.")).toBeVisible();
    await expect(page.getByLabel("Email", { exact: true })).toHaveValue("2");

    await page.getByLabel("Country", { exact: true }).selectOption({ label: "Land of residence" });
    await page.getByRole("button", { name: "Check every row" }).click();

    const preview = page.getByRole("table", { name: "The first rows, as the columns read them" });
    await expect(preview.getByRole("row", { name: /^2 Rana Khalil / })).toContainText("Will be imported");
    await expect(preview.getByRole("row", { name: /^4 Existing Signer / })).toContainText("Has signed already");
    await expect(preview.getByRole("row", { name: /^6 Rana K\. / })).toContainText("Duplicate in the file");
    expect(await axeViolations(page)).toEqual([]);

    const invalid = page.getByRole("table", { name: "Invalid rows" });
    await expect(invalid.getByRole("row")).toHaveCount(3);
    await expect(invalid.getByRole("row", { name: /^7 / })).toContainText("email is not a valid address");
    await expect(invalid.getByRole("row", { name: /^8 / })).toContainText("no name");

    const duplicates = page.getByRole("table", { name: "Duplicates" });
    await expect(duplicates.getByRole("row", { name: /^4 / })).toContainText("this address has signed the campaign already");
    await expect(duplicates.getByRole("row", { name: /^6 / })).toContainText("the same address is in row 2");
    // Nothing is stored until the organiser imports.
    expect(app.rows("select id from signatures where import_id = ?", importId)).toHaveLength(0);

    await page.getByRole("button", { name: "Import 3 signatures" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Imported 3 signatures" })).toBeVisible();
    expect(await stat(page, "Invalid")).toBe(2);
    expect(await stat(page, "Duplicates")).toBe(2);

    const imported = app.rows<{ email: string; status: string; show_name: unknown }>(
      "select email, status, show_name from signatures where import_id = ? order by id",
      importId,
    );
    expect(imported.map((r) => [r.email, r.status])).toEqual([
      [`rana-${uniqueEmail}`, "confirmed"],
      [`jonas-${uniqueEmail}`, "confirmed"],
      [`mei-${uniqueEmail}`, "confirmed"],
    ]);
    // The file said nothing of showing names: none is shown.
    expect(imported.every((r) => !r.show_name)).toBe(true);

    await page.getByRole("link", { name: "Back to the campaign" }).click();
    expect(await stat(page, "Imported")).toBe(before.imported + 3);
    expect(await stat(page, "Signed here")).toBeGreaterThanOrEqual(before.here + 3);
    const history = page.getByRole("table", { name: "Imported signatures" });
    await expect(history.getByRole("row", { name: /other-platform\.csv/ }).first()).toContainText("Imported");

    await history.getByRole("link", { name: "other-platform.csv" }).first().click();
    await expect(page).toHaveURL(new RegExp(`/import/${importId}$`));
    await page.getByRole("button", { name: "Undo this import" }).click();
    await expect(page.getByRole("status").filter({ hasText: "the 3 signatures it added are deleted" })).toBeVisible();
    expect(app.rows("select id from signatures where import_id = ?", importId)).toHaveLength(0);
    // The signer who signed here stays.
    expect(app.rows("select id from signatures where email = ?", uniqueEmail)).toHaveLength(1);

    await page.goto(dashboard);
    expect(await stat(page, "Imported")).toBe(before.imported);
  } finally {
    await owner.close();
    await app.stop();
  }
});

test("a file that is not a CSV is refused with what to do, and nothing is staged", async ({ page }) => {
  await signInAsOrganiser(page, organiser);
  await page.goto(`${dashboard}/import`);
  await page.getByLabel("CSV file").setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) });
  await page.getByRole("button", { name: "Upload and choose columns" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "This is not a CSV file." })).toHaveText(
    "This is not a CSV file. Save the sheet as CSV (UTF-8) and upload that.",
  );
  expect(rowsIn("plain", "select id from signature_imports where file_name = ?", "photo.png")).toHaveLength(0);
});
