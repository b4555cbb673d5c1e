import { axeViolations as violations } from "./support/axe";
import { expect, test } from "./support/fixtures";

// Every public page a signer can meet, in each language; the tokens are ones no signature has.
const publicPages = [
  "/p/white-helmets",
  "/privacy",
  "/p/white-helmets/confirm",
  "/confirm/not-a-real-token",
  "/withdraw/not-a-real-token",
  "/no-such-page",
  "/embed/white-helmets",
  "/unsubscribe/not-a-real-link",
];

for (const locale of ["en", "ar"]) {
  for (const path of publicPages) {
    test(`${locale}${path} passes axe-core's WCAG 2.2 AA checks`, async ({ page }) => {
      await page.goto(`/${locale}${path}`);
      expect(await violations(page)).toEqual([]);
    });
  }

  test(`${locale}: the form with its errors showing passes, and focus moves to the first error`, async ({ page }) => {
    await page.goto(`/${locale}/p/white-helmets`);
    await page.locator("button.sign-button").click();
    const name = page.locator("#fullName");
    await expect(name).toHaveAttribute("aria-invalid", "true");
    await expect(name).toBeFocused();
    expect(await violations(page)).toEqual([]);
  });

  test(`${locale}: on a phone the page passes and the petition comes after the opening paragraphs`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/${locale}/p/white-helmets`);
    expect(await violations(page)).toEqual([]);
    const formTop = (await page.locator("#sign-heading").boundingBox())!.y;
    const lastParagraphTop = (await page.locator(".story-rest p").last().boundingBox())!.y;
    expect(formTop).toBeLessThan(lastParagraphTop);
  });
}

test("every control a finger or pointer aims at is at least 24 by 24 CSS pixels", async ({ page }) => {
  for (const path of ["/en/p/white-helmets", "/ar/p/white-helmets"]) {
    await page.goto(path);
    const small = await page.evaluate(() => {
      // Links inside a sentence are exempt (WCAG 2.5.8): only standalone targets are measured.
      const inSentence = (element: Element) => element.tagName === "A" && element.closest("p") !== null;
      return [...document.querySelectorAll("a, button, input:not([type=hidden]), select, textarea")]
        .filter((element) => !element.closest(".honeypot") && !inSentence(element) && element.getClientRects().length > 0)
        .map((element) => ({ element, box: element.getBoundingClientRect() }))
        .filter(({ element, box }) => element.className !== "skip-link" && (box.width < 24 || box.height < 24))
        .map(({ element, box }) => `${element.outerHTML.slice(0, 80)} ${Math.round(box.width)}x${Math.round(box.height)}`);
    });
    expect(small, path).toEqual([]);
  }
});

test("the form tells browsers what each field is, so they can fill it in", async ({ page }) => {
  await page.goto("/en/p/white-helmets");
  await expect(page.locator("#fullName")).toHaveAttribute("autocomplete", "name");
  await expect(page.locator("#email")).toHaveAttribute("autocomplete", "email");
  await expect(page.locator("#country")).toHaveAttribute("autocomplete", "country");
  await expect(page.locator("#website")).toHaveAttribute("autocomplete", "off");
});

test("the moving count is not read aloud, the signer's own result is", async ({ page, uniqueEmail }) => {
  await page.goto("/en/p/white-helmets");
  const live = await page.locator(".counter").evaluate((counter) => {
    const speaking = (element: Element | null): boolean =>
      !!element && (element.hasAttribute("aria-live") || ["status", "alert", "log", "marquee", "timer"].includes(element.getAttribute("role") ?? "") || speaking(element.parentElement));
    return [counter, ...counter.querySelectorAll("*")].some((element) => speaking(element));
  });
  expect(live).toBe(false);

  await page.getByLabel("Full name").fill("Heard Once");
  await page.getByRole("textbox", { name: "Email" }).fill(uniqueEmail);
  await page.getByLabel("Country").selectOption("SY");
  await page.getByRole("button", { name: "Sign the petition" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Thank you, Heard!" })).toBeFocused();
});

test("the organisers' sign-in page passes axe-core's checks", async ({ page }) => {
  await page.goto("/admin/login");
  expect(await violations(page)).toEqual([]);
});
