import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./support/fixtures";

const wcag = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

test("the campaign page passes axe-core's checks", async ({ page }) => {
  await page.goto("/");
  const results = await new AxeBuilder({ page }).withTags(wcag).analyze();
  expect(results.violations).toEqual([]);
});

test("the form with its errors showing passes axe-core's checks", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Sign the petition" }).click();
  await expect(page.getByLabel("Full name")).toHaveAttribute("aria-invalid", "true");
  const results = await new AxeBuilder({ page }).withTags(wcag).analyze();
  expect(results.violations).toEqual([]);
});

test("a phone-sized page passes axe-core's checks and puts the petition after the opening paragraphs", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  const results = await new AxeBuilder({ page }).withTags(wcag).analyze();
  expect(results.violations).toEqual([]);
  const formTop = (await page.getByRole("heading", { name: "Add your name" }).boundingBox())!.y;
  const lastParagraphTop = (await page.locator(".story-rest p").last().boundingBox())!.y;
  expect(formTop).toBeLessThan(lastParagraphTop);
});

test("the organisers' sign-in page passes axe-core's checks", async ({ page }) => {
  await page.goto("/admin/login");
  const results = await new AxeBuilder({ page }).withTags(wcag).analyze();
  expect(results.violations).toEqual([]);
});
