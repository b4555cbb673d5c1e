import { expect, fillSignature, storedSignature, test } from "./support/fixtures";

test("a bot that fills the hidden field is told it signed; it is kept as suspected and not counted", async ({ page, uniqueEmail }) => {
  await page.goto("/");
  await fillSignature(page, { fullName: "Spam Bot", email: uniqueEmail });
  await page.locator('input[name="website"]').fill("http://spam.example", { force: true });
  await page.getByRole("button", { name: "Sign the petition" }).click();
  await expect(page.getByRole("heading", { name: "Thank you, Spam!" })).toBeVisible();
  // Suspected signatures are not counted (lib/abuse.integration.test.ts shows the count unmoved).
  expect(storedSignature(uniqueEmail)).toMatchObject([{ status: "suspected", full_name: "Spam Bot" }]);
});

test("names are always shown as text, never as markup", async ({ page, uniqueEmail }) => {
  const hostile = `<img src=x onerror="document.title='owned'"> Attacker`;
  await page.goto("/");
  await fillSignature(page, { fullName: hostile, email: uniqueEmail, showName: true });
  await page.getByRole("button", { name: "Sign the petition" }).click();
  await expect(page.getByRole("heading", { name: /Thank you/ })).toBeVisible();

  await page.goto("/");
  await expect(page.getByRole("region", { name: "Recent signers" })).toContainText("<img");
  expect(await page.locator(".recent img").count()).toBe(0);
  expect(await page.title()).not.toBe("owned");
});
