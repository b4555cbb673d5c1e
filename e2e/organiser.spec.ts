import { readFile } from "node:fs/promises";
import { expect, fillSignature, organiser, test } from "./support/fixtures";

const csvUrl = "/admin/petitions/white-helmets/signatures.csv";

test("an organiser signs in, sees the dashboard and downloads a CSV holding the newest signature", async ({
  page,
  uniqueEmail,
}) => {
  await page.goto("/");
  await fillSignature(page, { fullName: "نور الهدى", email: uniqueEmail, comment: "=cmd|' /C calc'!A0" });
  await page.getByRole("button", { name: "Sign the petition" }).click();
  await expect(page.getByRole("heading", { name: /Thank you/ })).toBeVisible();

  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/login$/);
  await page.getByLabel("Email").fill(organiser.email);
  await page.getByLabel("Password").fill("not the password at all");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /email and password don't match/ })).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(organiser.email);
  await expect(page.getByLabel("Password")).toHaveValue("");

  await page.getByLabel("Password").fill(organiser.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Campaigns" })).toBeVisible();
  await page.getByRole("link", { name: "The White Helmets for the Nobel Peace Prize" }).click();
  await expect(page.getByText("Today (UTC)")).toBeVisible();
  await expect(page.getByRole("table", { name: "Latest signatures" })).toContainText(uniqueEmail);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download confirmed signatures (CSV)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^white-helmets-signatures-\d{4}-\d\d-\d\d\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv.startsWith("\uFEFFSigned at (UTC),Name,Email,Country")).toBe(true);
  const line = csv.split("\r\n").find((l) => l.includes(uniqueEmail));
  expect(line).toContain("نور الهدى");
  expect(line).toContain(`'=cmd|' /C calc'!A0`);
});

test("the CSV without a session answers 401 and no data", async ({ request }) => {
  const response = await request.get(csvUrl);
  expect(response.status()).toBe(401);
  const body = await response.text();
  expect(body).not.toContain("@");
  expect(body).not.toContain("Signed at");
});

test("signing out ends the session", async ({ page }) => {
  await page.goto("/admin/login");
  await page.getByLabel("Email").fill(organiser.email);
  await page.getByLabel("Password").fill(organiser.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Campaigns" })).toBeVisible();
  const cookie = (await page.context().cookies()).find((c) => c.name.startsWith("__Host-"));
  expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax" });

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/admin\/login$/);
  // Replaying the old cookie after sign-out gets nothing: the session is gone from the database.
  const replay = await page.request.get(csvUrl, { headers: { cookie: `${cookie!.name}=${cookie!.value}` } });
  expect(replay.status()).toBe(401);
});
