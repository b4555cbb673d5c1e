import { expect, fillSignature, shownTotal, test } from "./support/fixtures";
import { startOwnApp } from "./support/own-app";

test("a second open page sees the count move and the new signer listed, without a reload", async ({
  browser,
  baseURL,
  uniqueEmail,
  watcher,
}) => {
  // A reload would wipe this; history updates by Next.js's router would not, and do not matter.
  await watcher.evaluate(() => Object.assign(window, { watchedSinceLoad: true }));

  const signerContext = await browser.newContext({ baseURL });
  const signer = await signerContext.newPage();
  await signer.goto("/");
  await fillSignature(signer, { fullName: "Khaleed Khateeb", email: uniqueEmail, showName: true });
  await signer.getByRole("button", { name: "Sign the petition" }).click();
  await expect(signer.getByRole("heading", { name: /Thank you/ })).toBeVisible();

  // Other tests sign and withdraw on this campaign at the same time, so the count may move either way: the open
  // page must come to show the new signer, and the count the campaign has now.
  await expect(watcher.getByRole("region", { name: "Recent signers" })).toContainText("Khaleed K.", { timeout: 5000 });
  await expect
    .poll(async () => (await shownTotal(watcher)) === ((await (await signer.request.get("/api/petitions/white-helmets")).json()) as { total: number }).total, { timeout: 5000 })
    .toBe(true);
  await expect(watcher.getByTestId("signature-total")).toHaveText(new Intl.NumberFormat("en-US").format(await shownTotal(watcher)));
  expect(await watcher.evaluate(() => "watchedSinceLoad" in window)).toBe(true);
  await signerContext.close();
});

test("the server-rendered count is right before any script runs, written the page's way, and says what it includes", async ({
  browser,
}) => {
  // An app of its own, with one signature: on the shared app, tests signing in other workers would
  // move the count between this test's readings.
  const app = await startOwnApp({});
  try {
    const signed = await fetch(`${app.url}/api/petitions/white-helmets/signatures`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ fullName: "Counted Signer", email: "counted@example.org", country: "SY" }),
    });
    expect(signed.status).toBe(201);
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL: app.url, locale: "de-DE" });
    const page = await context.newPage();
    const api = (await (await page.request.get("/api/petitions/white-helmets")).json()) as { total: number };
    // A German reader is served the campaign's own language, English, and its numbers are English too.
    await page.goto("/");
    expect(await shownTotal(page)).toBe(api.total);
    await expect(page.getByTestId("signature-total")).toHaveText(new Intl.NumberFormat("en").format(api.total));
    await expect(page.getByText("Includes 325,000 gathered before this page opened")).toBeVisible();
    await page.goto("/ar");
    await expect(page.getByTestId("signature-total")).toHaveText(new Intl.NumberFormat("ar-u-nu-arab").format(api.total));
    await context.close();
  } finally {
    await app.stop();
  }
});
