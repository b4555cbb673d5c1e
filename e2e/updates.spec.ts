import { randomUUID } from "node:crypto";
import { request, type Browser } from "@playwright/test";
import { mailTo, type DroppedMail } from "./support/mail-drop";
import { axeViolations } from "./support/axe";
import { expect, fillSignature, linkIn, organiser, rowsIn, signInAsOrganiser, test, waitForMail } from "./support/fixtures";

// An organiser writes to the signers who asked for updates, over the mail app's real SMTP server.
// The mail app is shared with tests running at the same time: every subject and address here is
// this run's own, and mail is read by address.
test.use({ app: "mail" });

/** Mail to `address` with exactly this subject, once it has arrived. */
async function mailWithSubject(address: string, subject: string): Promise<DroppedMail> {
  let found: DroppedMail | undefined;
  await expect
    .poll(() => (found = mailTo(process.env.E2E_MAIL_DIR!, address).find((m) => m.subject === subject)), {
      timeout: 20_000,
      message: `"${subject}" to ${address}`,
    })
    .toBeDefined();
  return found!;
}

/** Signs on the campaign page asking for updates, and confirms through the emailed link, in a browser of its own. */
async function signUpForUpdates(browser: Browser, baseURL: string, email: string, fullName: string) {
  const page = await (await browser.newContext({ baseURL })).newPage();
  await page.goto("/");
  await fillSignature(page, { fullName, email });
  await page.getByLabel("Email me updates on this campaign").check();
  await page.getByRole("button", { name: "Sign the petition" }).click();
  await expect(page.getByRole("heading", { name: /check your email/ })).toBeVisible();
  const [mail] = await waitForMail(email);
  await page.goto(linkIn(mail!, `${baseURL}/en/confirm/`));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { name: /your signature counts/ })).toBeVisible();
  await page.context().close();
}

const unsubscribed = (email: string) => rowsIn("mail", "select * from update_unsubscribes where email_key = ?", email.toLowerCase());

test("an organiser previews, tests and sends an update; the signer gets it with one-click headers and unsubscribes for good", async ({
  page,
  browser,
  baseURL,
  uniqueEmail,
}) => {
  const run = randomUUID().slice(0, 8);
  const staying = `stays-${uniqueEmail}`;
  await signUpForUpdates(browser, baseURL!, uniqueEmail, "Salma Daher");
  await signUpForUpdates(browser, baseURL!, staying, "Tarek Sfeir");

  await signInAsOrganiser(page, organiser);
  await page.goto("/admin/petitions/white-helmets");
  await page.getByRole("link", { name: "Updates to signers" }).click();
  await expect(page.getByRole("heading", { name: "Updates to signers" })).toBeVisible();

  // Bad input: a clear message, and what was typed is kept.
  await page.getByLabel("Update (Markdown)").fill("The committee meets on **Friday**.");
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByText("Write a subject: it is the first thing signers see.")).toBeVisible();
  await expect(page.getByLabel("Update (Markdown)")).toHaveValue("The committee meets on **Friday**.");

  const subject = `The vote is near ${run}`;
  await page.getByLabel("Subject").fill(subject);
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.locator("strong", { hasText: "Friday" })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole("button", { name: "Send a test to me" }).click();
  await expect(page.getByRole("status").filter({ hasText: `A test is on its way to ${organiser.email}` })).toBeVisible();
  const testMail = await mailWithSubject(organiser.email, `[Test] ${subject}`);
  expect(testMail.text).toContain("This is a test: only you received it.");
  expect(mailTo(process.env.E2E_MAIL_DIR!, uniqueEmail).some((m) => m.subject.includes(run))).toBe(false);

  await page.getByLabel("Show on the campaign page").check();
  await page.getByRole("button", { name: /^Send to [\d,]+ signers?$/ }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toContainText(`Send “${subject}” to`);
  await confirm.getByRole("button", { name: /^Yes, send to/ }).click();
  await expect(page.getByRole("status").filter({ hasText: `Your update “${subject}” is queued for` })).toBeVisible();

  const mail = await mailWithSubject(uniqueEmail, subject);
  expect(mail.text).toContain("Hello Salma,");
  expect(mail.text).toContain("The committee meets on **Friday**.");
  expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
  const oneClick = /^<(.+)>$/.exec(mail.headers["list-unsubscribe"] ?? "")?.[1];
  expect(oneClick).toMatch(new RegExp(`^${baseURL}/api/unsubscribe/[A-Za-z0-9_-]+$`));
  const pageLink = linkIn(mail, `${baseURL}/en/unsubscribe/`);

  // The organiser sees it go out, and the public page lists it.
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: subject }) });
  await expect(row.getByRole("cell").nth(1)).toHaveText("Yes");
  // Cells: sent at, on the page, recipients, queued, sent, failed.
  await expect
    .poll(async () => {
      await page.reload();
      return Number(await row.getByRole("cell").nth(4).textContent());
    })
    .toBeGreaterThanOrEqual(2);
  const campaign = await (await browser.newContext({ baseURL })).newPage();
  await campaign.goto("/p/white-helmets");
  const listed = campaign.getByRole("region", { name: "Updates from the campaign" });
  await expect(listed.getByRole("heading", { name: subject })).toBeVisible();
  await expect(listed.locator("strong", { hasText: "Friday" })).toBeVisible();

  // Opening the link, as a mail scanner would, changes nothing; the mail program's one-click POST does.
  const linkPage = await (await browser.newContext()).newPage();
  await linkPage.goto(pageLink);
  await expect(linkPage.getByRole("button", { name: "Unsubscribe" })).toBeVisible();
  expect(unsubscribed(uniqueEmail)).toEqual([]);
  // The mail program is no one's browser: a context of its own, with no organiser's cookie.
  const mailProgram = await request.newContext();
  // One without one-click opens the address instead: it leads to the page, in the reader's language, and changes nothing.
  const opened = await mailProgram.get(oneClick!, { maxRedirects: 0, headers: { "Accept-Language": "en-GB,en;q=0.9" } });
  expect(opened.status()).toBe(303);
  expect(opened.headers()["location"]).toBe(pageLink);
  const openedInArabic = await mailProgram.get(oneClick!, { maxRedirects: 0, headers: { "Accept-Language": "ar-SY,ar;q=0.9" } });
  expect(openedInArabic.headers()["location"]).toBe(pageLink.replace(`${baseURL}/en/`, `${baseURL}/ar/`));
  expect(unsubscribed(uniqueEmail)).toEqual([]);
  const response = await mailProgram.post(oneClick!, { form: { "List-Unsubscribe": "One-Click" } });
  expect(response.status()).toBe(200);
  expect(unsubscribed(uniqueEmail)).toHaveLength(1);
  await mailProgram.dispose();

  // The page's button answers alike for someone already unsubscribed.
  await linkPage.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(linkPage.getByRole("heading", { name: "You're unsubscribed" })).toBeVisible();

  // A second update reaches the signer who stayed, and not the one who left.
  const second = `After the vote ${run}`;
  await page.goto("/admin/petitions/white-helmets/updates");
  await page.getByLabel("Subject").fill(second);
  await page.getByLabel("Update (Markdown)").fill("Thank you all.");
  await page.getByRole("button", { name: /^Send to [\d,]+ signers?$/ }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: /^Yes, send to/ }).click();
  await expect(page.getByRole("status").filter({ hasText: `Your update “${second}” is queued for` })).toBeVisible();
  await mailWithSubject(staying, second);
  expect(mailTo(process.env.E2E_MAIL_DIR!, uniqueEmail).map((m) => m.subject)).not.toContain(second);
  expect(rowsIn("mail", "select o.id from outbox o join signatures s on s.id = o.signature_id where s.email = ? and o.subject = ?", uniqueEmail, second)).toEqual([]);

  // A link we never made gets a kind word, not a button.
  await linkPage.goto(`${baseURL}/en/unsubscribe/not-a-real-link`);
  // Next's route announcer is an alert too; ours is the one with words in it.
  await expect(linkPage.getByRole("alert").filter({ hasText: "This unsubscribe link doesn't work" })).toBeVisible();
  await expect(linkPage.getByRole("button", { name: "Unsubscribe" })).toHaveCount(0);
});
