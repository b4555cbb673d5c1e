import type { Browser, Page } from "@playwright/test";
import { axeViolations } from "./support/axe";
import { expect, fillSignature, organiser, signInAsOrganiser, test } from "./support/fixtures";

// The plain app counts a signature at once (no mail), so a reason waits only for the organisers. Every text here is this
// test's own (other tests sign the same campaign at the same time), and stays on the page for them to meet.

/** A reader with a campaign page open and its stream connected. */
async function openPage(browser: Browser, baseURL: string, path: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL })).newPage();
  await Promise.all([page.waitForResponse((response) => response.url().endsWith("/events")), page.goto(path)]);
  return page;
}

test("signers' reasons in both languages wait for an organiser, arrive on open pages, take agreement and reports, and leave with a withdrawn signature", async ({
  browser,
  baseURL,
  page,
  uniqueEmail,
  watcher,
}) => {
  const tag = uniqueEmail.split("@")[0]!;
  const arabicReason = `لأنّ الخوذ البيضاء أنقذت جاري ${tag}`;
  const hostileReason = `<img src=x onerror="document.title='pwned'"> **${tag}** https://evil.example/${tag}`;
  const reader = await openPage(browser, baseURL!, "/ar");

  // An Arabic signer gives a reason with their name; an English one a hostile text, as "a signer from" their country.
  const arabic = await (await browser.newContext({ baseURL })).newPage();
  await arabic.goto("/ar");
  await arabic.getByLabel("الاسم الكامل").fill("رنا خليل");
  await arabic.getByRole("textbox", { name: "البريد الإلكتروني" }).fill(`ar-${uniqueEmail}`);
  await arabic.getByLabel("البلد").selectOption("SY");
  await arabic.getByLabel(/لماذا توقّع/).fill(arabicReason);
  await arabic.getByLabel(/اعرض اسمي الأول/).check();
  await arabic.getByRole("button", { name: "وقّع العريضة" }).click();
  await expect(arabic.getByRole("heading", { name: /شكرًا لك/ })).toBeVisible();

  await page.goto("/en");
  await fillSignature(page, { fullName: "Sami Haddad", email: uniqueEmail, country: "LB", comment: hostileReason });
  await page.getByRole("button", { name: "Sign the petition" }).click();
  await expect(page.getByRole("heading", { name: /Thank you/ })).toBeVisible();
  await expect(reader.getByText(arabicReason)).toHaveCount(0);

  // The owner approves both from the queue, in one go.
  const admin = await (await browser.newContext({ baseURL })).newPage();
  await signInAsOrganiser(admin, organiser);
  await admin.goto("/admin/petitions/white-helmets/reasons");
  await expect(admin.getByRole("heading", { name: "Signers’ reasons" })).toBeVisible();
  await admin.getByRole("checkbox", { name: new RegExp(tag) }).first().check();
  await admin.getByRole("checkbox", { name: new RegExp(tag) }).last().check();
  expect(await axeViolations(admin)).toEqual([]);
  await admin.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(admin.getByRole("status")).toContainText("Approved 2 reasons");

  // Both open pages hear of them without a reload, as text in its own direction, with no link and no markup.
  const wallAr = reader.getByRole("region", { name: "لماذا وقّع الناس" });
  await expect(wallAr.getByText(arabicReason)).toBeVisible();
  await expect(wallAr.locator("li", { hasText: arabicReason })).toContainText("رنا خ.، سوريا");
  const wallEn = watcher.getByRole("region", { name: "Why people signed" });
  await expect(wallEn.getByText(hostileReason)).toBeVisible();
  await expect(wallEn.locator("li", { hasText: hostileReason })).toContainText("A signer from Lebanon");
  await expect(wallEn.locator(`a[href*="evil.example"], img[src="x"]`)).toHaveCount(0);
  await expect(wallEn.locator("blockquote", { hasText: hostileReason })).toHaveAttribute("dir", "auto");
  expect(await watcher.title()).not.toBe("pwned");
  expect(await axeViolations(reader)).toEqual([]);

  // A reader agrees, once, and reports the hostile one through its link.
  const hostileItem = wallEn.locator("li", { hasText: hostileReason });
  await hostileItem.getByRole("button", { name: "I agree" }).click();
  await expect(hostileItem.getByRole("status")).toHaveText("1 person agrees");
  await hostileItem.getByRole("button", { name: "I agree" }).click();
  await watcher.goto("/en/p/white-helmets?reasons=supported&page=1");
  await expect(watcher.locator("li", { hasText: hostileReason }).getByRole("status")).toHaveText("1 person agrees");
  await watcher.locator("li", { hasText: hostileReason }).getByRole("link", { name: "Report this reason" }).click();
  await expect(watcher.getByRole("heading", { name: "Report a reason" })).toBeVisible();
  expect(await axeViolations(watcher)).toEqual([]);
  await watcher.getByRole("button", { name: "Report this reason" }).click();
  await expect(watcher.getByRole("status")).toHaveText("Thank you. The organisers will look at this reason.");

  // The Arabic signer withdraws: the reason leaves the open page at once, and no copy of the page keeps it.
  await arabic.getByRole("link", { name: "سحب توقيعك" }).click();
  await arabic.getByRole("button", { name: "اسحب توقيعي" }).click();
  await expect(arabic.getByRole("heading", { name: "تم سحب توقيعك" })).toBeVisible();
  await expect(wallAr.getByText(arabicReason)).toHaveCount(0, { timeout: 5_000 });
  const fresh = await (await browser.newContext({ baseURL, javaScriptEnabled: false })).newPage();
  await fresh.goto("/ar/p/white-helmets");
  await expect(fresh.getByRole("region", { name: "لماذا وقّع الناس" })).toBeVisible();
  await expect(fresh.getByText(arabicReason)).toHaveCount(0);
});
