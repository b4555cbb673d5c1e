import { randomUUID } from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";
import Database from "better-sqlite3";

export { organiser } from "./global-setup";

type Fixtures = {
  /** An email address no other test uses. */
  uniqueEmail: string;
};

export const test = base.extend<Fixtures>({
  // Set by global setup once the server is up, so the URL is read per test rather than at config load.
  baseURL: async ({}, use) => use(process.env.E2E_BASE_URL),
  uniqueEmail: async ({}, use) => use(`signer-${randomUUID().slice(0, 8)}@example.org`),
});

export { expect };

/** What the database really holds, read on a separate connection. */
export function storedSignature(email: string) {
  const db = new Database(process.env.E2E_DATABASE!, { readonly: true });
  try {
    return db.prepare("select * from signatures where email = ?").all(email) as Record<string, unknown>[];
  } finally {
    db.close();
  }
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
