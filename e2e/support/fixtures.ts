import { randomUUID } from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { mailTo, type DroppedMail } from "./mail-drop";

export { organiser } from "./global-setup";

type App = "plain" | "mail";

type Fixtures = {
  /** Which test app a test runs against: "plain" (no mail) unless it says `test.use({ app: "mail" })`. */
  app: App;
  /** An email address no other test uses. */
  uniqueEmail: string;
  /** Another reader with the campaign page open, in a browser context of their own. */
  watcher: Page;
};

export const test = base.extend<Fixtures>({
  app: ["plain", { option: true }],
  // Set by global setup once the servers are up, so the URL is read per test rather than at config load.
  baseURL: async ({ app }, use) => use(app === "mail" ? process.env.E2E_MAIL_URL : process.env.E2E_PLAIN_URL),
  uniqueEmail: async ({}, use) => use(`signer-${randomUUID().slice(0, 8)}@example.org`),
  watcher: async ({ browser, baseURL }, use) => {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await page.goto("/");
    await use(page);
    await context.close();
  },
});

export { expect };

function databaseOf(app: App): string {
  return (app === "mail" ? process.env.E2E_MAIL_DATABASE : process.env.E2E_PLAIN_DATABASE)!;
}

/** Runs a read on a separate connection to what the app's database really holds. */
export function inDatabase<T>(app: App, read: (db: Database.Database) => T): T {
  const db = new Database(databaseOf(app), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

export function storedSignature(email: string, app: App = "plain") {
  return inDatabase(app, (db) => db.prepare("select * from signatures where email = ?").all(email) as Record<string, unknown>[]);
}

/** Waits for mail to an address and returns it, the newest last. */
export async function waitForMail(address: string, count = 1): Promise<DroppedMail[]> {
  let found: DroppedMail[] = [];
  await expect
    .poll(() => (found = mailTo(process.env.E2E_MAIL_DIR!, address)).length, { timeout: 15_000, message: `mail to ${address}` })
    .toBeGreaterThanOrEqual(count);
  return found;
}

/** The first line of a message that starts with the given URL prefix. */
export function linkIn(mail: DroppedMail, prefix: string): string {
  const link = mail.text.split(/\s+/).find((word) => word.startsWith(prefix));
  if (!link) throw new Error(`no link starting ${prefix} in:\n${mail.text}`);
  return link;
}

export async function shownTotal(page: Page): Promise<number> {
  return Number(await page.getByTestId("signature-total").getAttribute("data-total"));
}

export async function fillSignature(
  page: Page,
  values: { fullName: string; email: string; country?: string; comment?: string; showName?: boolean },
) {
  await page.getByLabel("Full name").fill(values.fullName);
  await page.getByRole("textbox", { name: "Email" }).fill(values.email);
  await page.getByLabel("Country").selectOption(values.country ?? "SY");
  if (values.comment !== undefined) await page.getByLabel(/Why I.m signing/).fill(values.comment);
  if (values.showName) await page.getByLabel("Show my name on this page").check();
}

export async function signInAsOrganiser(page: Page, credentials: { email: string; password: string }) {
  await page.goto("/admin/login");
  await page.getByLabel("Email").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Campaigns" })).toBeVisible();
}
