import { randomUUID } from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";
import { queryRows, type Row } from "../../test/rows";
import { dialectOf } from "./dialect";
import type { SharedApps } from "./global-setup";
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

type WorkerFixtures = {
  /** Puts this worker's project's shared apps (global setup) where tests read them: E2E_PLAIN_URL and the rest. */
  sharedApps: SharedApps;
};

export const test = base.extend<Fixtures, WorkerFixtures>({
  // A worker runs the tests of one project only, so its environment may name that project's apps.
  sharedApps: [
    async ({}, use, workerInfo) => {
      const apps = (JSON.parse(process.env.E2E_SHARED_APPS!) as Record<string, SharedApps>)[dialectOf(workerInfo.project)]!;
      Object.assign(process.env, apps);
      await use(apps);
    },
    { scope: "worker", auto: true },
  ],
  app: ["plain", { option: true }],
  // Set by global setup once the servers are up, so the URL is read per test rather than at config load.
  baseURL: async ({ app }, use) => use(app === "mail" ? process.env.E2E_MAIL_URL : process.env.E2E_PLAIN_URL),
  uniqueEmail: async ({}, use) => use(`signer-${randomUUID().slice(0, 8)}@example.org`),
  watcher: async ({ browser, baseURL }, use) => {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    // An open page watches once its scripts have run and its stream is connected; they load after its first paint, so
    // the load event alone does not say it.
    await Promise.all([page.waitForResponse((response) => response.url().endsWith("/events")), page.goto("/")]);
    await use(page);
    await context.close();
  },
});

export { expect };

/** The database URL of one of the two shared test apps. */
export function databaseOf(app: App): string {
  return (app === "mail" ? process.env.E2E_MAIL_DATABASE_URL : process.env.E2E_PLAIN_DATABASE_URL)!;
}

/** Rows as the app's database really holds them, read on a connection of its own (test/rows.ts). */
export function rowsIn<R = Row>(app: App, sql: string, ...params: unknown[]): R[] {
  return queryRows<R>(databaseOf(app), sql, ...params);
}

export function storedSignature(email: string, app: App = "plain") {
  return rowsIn(app, "select * from signatures where email = ?", email);
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
  if (values.comment !== undefined) await page.getByLabel(/Why are you signing/).fill(values.comment);
  if (values.showName) await page.getByLabel("Show my name on this page").check();
}

export async function signInAsOrganiser(page: Page, credentials: { email: string; password: string }) {
  await page.goto("/admin/login");
  await page.getByLabel("Email").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Campaigns" })).toBeVisible();
}
