import type { Page } from "@playwright/test";
import { unprefixedHeader } from "@/lib/unprefixed-address";
import { expect, linkIn, shownTotal, storedSignature, test, waitForMail } from "./support/fixtures";

/** The form as an Arabic reader fills it, by its Arabic labels. */
async function fillInArabic(page: Page, values: { fullName: string; email: string; country?: string }) {
  await page.getByLabel("الاسم الكامل").fill(values.fullName);
  await page.getByRole("textbox", { name: "البريد الإلكتروني" }).fill(values.email);
  await page.getByLabel("البلد").selectOption(values.country ?? "SY");
}

const arabicDigits = /^[٠-٩٬]+$/;

test.describe("reading and signing in Arabic", () => {
  test("the Arabic page is right to left, in Arabic, with its alternates and a way back to English", async ({ page }) => {
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    await page.goto("/ar/p/white-helmets");
    await expect(page.locator("html")).toHaveAttribute("lang", "ar");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("الخوذ البيضاء تكشف عن الشجاعة الاستثنائية للسوريين العاديين");
    await expect(page.getByText("هذه ترجمة لمقال")).toBeVisible();
    await expect(page.getByRole("button", { name: "وقّع العريضة" })).toBeVisible();
    // Numbers are written with the page's digits, the same on the server and after hydration.
    await expect(page.getByTestId("signature-total")).toHaveText(arabicDigits);
    const alternates = await page.locator('link[rel="alternate"][hreflang]').evaluateAll((links) =>
      links.map((link) => `${link.getAttribute("hreflang")} ${new URL(link.getAttribute("href")!).pathname}`),
    );
    expect(alternates.sort()).toEqual(["ar /ar/p/white-helmets", "en /en/p/white-helmets", "x-default /p/white-helmets"]);
    await page.getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/\/en\/p\/white-helmets$/);
    await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
    expect(errors.filter((text) => /hydrat/i.test(text))).toEqual([]);
  });

  test("the Arabic embed is in Arabic once its scripts run, as before", async ({ page }) => {
    await page.goto("/ar/embed/white-helmets");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    // The heading is drawn on the server and again in the browser: both must be the Arabic one.
    await expect(page.getByRole("heading", { name: "أضِف اسمك" })).toBeVisible();
    await page.getByRole("button", { name: "وقّع العريضة" }).click();
    await expect(page.getByText("يُرجى إدخال اسمك الكامل")).toBeVisible();
  });

  test("/ speaks the reader's language: the one they chose, else their browser's, else the campaign's", async ({ browser, baseURL }) => {
    const open = async (options: { locale?: string; cookie?: string }) => {
      const context = await browser.newContext({ baseURL, locale: options.locale });
      if (options.cookie) await context.addCookies([{ name: "NEXT_LOCALE", value: options.cookie, url: baseURL! }]);
      const page = await context.newPage();
      const response = await page.goto("/");
      const lang = await page.locator("html").getAttribute("lang");
      await context.close();
      return { lang, vary: response!.headers()["vary"] ?? "" };
    };
    expect((await open({ locale: "ar-SY" })).lang).toBe("ar");
    expect((await open({ locale: "de-DE" })).lang).toBe("en");
    expect((await open({ locale: "ar-SY", cookie: "en" })).lang).toBe("en");
    expect((await open({ locale: "en-GB", cookie: "ar" })).vary).toMatch(/Accept-Language/);
  });

  test("an Arabic signer with JavaScript sees Arabic errors, focus on the first, then signs", async ({ page, uniqueEmail }) => {
    await page.goto("/ar/p/white-helmets");
    await page.getByRole("button", { name: "وقّع العريضة" }).click();
    await expect(page.getByLabel("الاسم الكامل")).toBeFocused();
    await expect(page.getByText("يُرجى إدخال اسمك الكامل")).toBeVisible();
    await fillInArabic(page, { fullName: "رائد الصالح", email: "not-an-address" });
    await page.getByRole("button", { name: "وقّع العريضة" }).click();
    await expect(page.getByRole("textbox", { name: "البريد الإلكتروني" })).toBeFocused();
    await expect(page.getByLabel("الاسم الكامل")).toHaveValue("رائد الصالح");

    await page.getByRole("textbox", { name: "البريد الإلكتروني" }).fill(uniqueEmail);
    await page.getByRole("button", { name: "وقّع العريضة" }).click();
    await expect(page.getByRole("heading", { name: "شكرًا لك يا رائد!" })).toBeVisible();
    await expect(page.getByRole("status")).toContainText("توقيعك يحمل الرقم");
    expect(storedSignature(uniqueEmail)).toMatchObject([{ locale: "ar", full_name: "رائد الصالح" }]);
  });

  test("an Arabic signer without JavaScript signs through the plain form post", async ({ browser, baseURL, uniqueEmail }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
    const page = await context.newPage();
    await page.goto("/ar/p/white-helmets");
    await fillInArabic(page, { fullName: "فاروق الحبيب", email: "missing-at-sign" });
    await page.getByRole("button", { name: "وقّع العريضة" }).click();
    await expect(page.getByText("يُرجى إدخال عنوان بريد إلكتروني")).toBeVisible();
    await expect(page.getByLabel("الاسم الكامل")).toHaveValue("فاروق الحبيب");
    await page.getByRole("textbox", { name: "البريد الإلكتروني" }).fill(uniqueEmail);
    await page.getByRole("button", { name: "وقّع العريضة" }).click();
    await expect(page.getByRole("heading", { name: "شكرًا لك يا فاروق!" })).toBeVisible();
    expect(storedSignature(uniqueEmail)).toMatchObject([{ locale: "ar" }]);
    await context.close();
  });

  test("the page mirrors: petition on the left, bar filling from the right", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const layout = async (path: string) => {
      await page.goto(path);
      const story = (await page.locator(".story-lead").boundingBox())!;
      const campaign = (await page.locator("aside.petition").boundingBox())!;
      const bar = (await page.locator(".progress").boundingBox())!;
      const fill = (await page.locator(".progress-fill").boundingBox())!;
      return { campaignLeftOfStory: campaign.x < story.x, fillFromRight: Math.abs(fill.x + fill.width - (bar.x + bar.width)) < 1.5 };
    };
    expect(await layout("/ar/p/white-helmets")).toEqual({ campaignLeftOfStory: true, fillFromRight: true });
    expect(await layout("/en/p/white-helmets")).toEqual({ campaignLeftOfStory: false, fillFromRight: false });
  });
});

test.describe("a shared link", () => {
  test("each address is its own canonical: the x-default too, from the cache or not, whatever a client claims", async ({ request }) => {
    const canonical = async (path: string, headers: Record<string, string> = {}) => {
      const html = await (await request.get(path, { headers: { "accept-language": "en", ...headers } })).text();
      return [...html.matchAll(/<link rel="canonical" href="([^"]+)"/g)].map((match) => new URL(match[1]!).pathname);
    };
    // Twice each, so the second is served from the page cache, which must keep the two apart.
    for (let round = 0; round < 2; round++) {
      expect(await canonical("/")).toEqual(["/"]);
      expect(await canonical("/en")).toEqual(["/en"]);
      expect(await canonical("/p/white-helmets")).toEqual(["/p/white-helmets"]);
      expect(await canonical("/ar/p/white-helmets")).toEqual(["/ar/p/white-helmets"]);
    }
    expect(await canonical("/en", { [unprefixedHeader]: "1" })).toEqual(["/en"]);
    // With a trailing slash, the page answers in place (a redirect is a round trip more) and names its address without.
    const slashed = await request.get("/ar/", { maxRedirects: 0 });
    expect(slashed.status()).toBe(200);
    expect(await canonical("/ar/")).toEqual(["/ar"]);
  });

  test("shows a card: the page names a 1200x630 PNG per language, which the server draws", async ({ page, request }) => {
    for (const locale of ["en", "ar"]) {
      await page.goto(`/${locale}/p/white-helmets`);
      const image = await page.locator('meta[property="og:image"]').getAttribute("content");
      expect(new URL(image!).pathname).toBe(`/og/white-helmets/${locale}.png`);
      await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
      const response = await request.get(new URL(image!).pathname);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe("image/png");
      const png = await response.body();
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    }
  });

  test("carries the signer's referral tag, and their thank-you counts who came through it", async ({ browser, baseURL, uniqueEmail }) => {
    const sharer = await (await browser.newContext({ baseURL })).newPage();
    await sharer.goto("/en/p/white-helmets");
    await sharer.getByLabel("Full name").fill("Sharer Example");
    await sharer.getByRole("textbox", { name: "Email" }).fill(uniqueEmail);
    await sharer.getByLabel("Country").selectOption("NO");
    await sharer.getByRole("button", { name: "Sign the petition" }).click();
    const shareUrl = await sharer.getByLabel("Link to this petition").inputValue();
    expect(shareUrl).toMatch(/\/en\/p\/white-helmets\?ref=[\w-]{6,16}$/);
    await expect(sharer.getByTestId("referral-count")).toHaveAttribute("data-count", "0");

    // A friend opens the shared link and signs, with JavaScript off: the tag still arrives.
    const friendContext = await browser.newContext({ javaScriptEnabled: false });
    const friend = await friendContext.newPage();
    await friend.goto(shareUrl);
    await friend.getByLabel("Full name").fill("Friend Example");
    await friend.getByRole("textbox", { name: "Email" }).fill(`friend-${uniqueEmail}`);
    await friend.getByLabel("Country").selectOption("NO");
    await friend.getByRole("button", { name: "Sign the petition" }).click();
    await expect(friend.getByRole("heading", { name: "Thank you, Friend!" })).toBeVisible();
    await friendContext.close();

    const [row] = storedSignature(`friend-${uniqueEmail}`) as { referrer_id: number }[];
    const [sharerRow] = storedSignature(uniqueEmail) as { id: number }[];
    expect(row!.referrer_id).toBe(sharerRow!.id);
    // The sharer comes back to their tab: the thank-you reads the count again.
    await sharer.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
    await expect(sharer.getByTestId("referral-count")).toHaveAttribute("data-count", "1");
    await expect(sharer.getByTestId("referral-count")).toHaveText("Your link brought 1 signer.");
  });
});

test.describe("in Arabic by email", () => {
  test.use({ app: "mail" });

  test("an Arabic signer gets an Arabic confirmation email whose link confirms in Arabic", async ({ page, baseURL, uniqueEmail, watcher }) => {
    const before = await shownTotal(watcher);
    await page.goto("/ar/p/white-helmets");
    await fillInArabic(page, { fullName: "مريم حداد", email: uniqueEmail });
    await page.getByRole("button", { name: "وقّع العريضة" }).click();
    await expect(page.getByRole("heading", { name: "بقيت خطوة واحدة يا مريم: تفقّد بريدك الإلكتروني" })).toBeVisible();

    const [mail] = await waitForMail(uniqueEmail);
    expect(mail!.subject).toBe("أكّد توقيعك: جائزة نوبل للسلام للخوذ البيضاء");
    expect(mail!.text).toContain("مرحبًا مريم،");
    const link = linkIn(mail!, `${baseURL}/ar/confirm/`);
    expect(mail!.text).toContain(`${baseURL}/ar/withdraw/`);

    await page.goto(link);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await page.getByRole("button", { name: "أكّد توقيعي" }).click();
    await expect(page.getByRole("heading", { name: "شكرًا لك يا مريم: لقد احتُسب توقيعك!" })).toBeVisible();
    await expect.poll(() => shownTotal(watcher), { timeout: 5000 }).toBeGreaterThan(before);
  });
});
