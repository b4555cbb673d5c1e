import { execFileSync } from "node:child_process";
import type { APIResponse, Locator, Page } from "@playwright/test";
import { expect, fillSignature, rowsIn, signInAsOrganiser, test } from "./support/fixtures";

// Each organiser action and route is tried from another site, from an opaque ("null") origin and
// with no Origin at all; each time the test checks that nothing changed, not only the answer.
// Browsers will not let a page forge its Origin, so the forged request is the page's own form,
// read from the page and posted again, with its session cookie, by Playwright's HTTP client.
const origins = [
  { name: "a foreign origin", value: "https://evil.example" },
  { name: "a null origin", value: "null" },
  { name: "no origin", value: undefined },
];

// An organiser of these tests' own, so their sessions can be counted while other tests sign in.
const guard = { email: "origin-guard@example.org", password: "a long guard password" };

test.beforeAll(() => {
  for (const database of [process.env.E2E_PLAIN_DATABASE_URL, process.env.E2E_MAIL_DATABASE_URL]) {
    execFileSync(process.execPath, ["--import", "tsx", "scripts/admin.ts", "create", guard.email], {
      env: { ...process.env, DATABASE_URL: database },
      input: `${guard.password}\n`,
    });
  }
});

/** Posts a form as the browser would, but with the given Origin (or none). */
async function postForged(page: Page, form: Locator, origin: string | undefined, submitter?: { name: string; value: string }) {
  const fields = await form.evaluate((element) =>
    [...new FormData(element as HTMLFormElement)].map(([name, value]) => [name, String(value)] as const),
  );
  const multipart = new FormData();
  for (const [name, value] of fields) multipart.append(name, value);
  if (submitter) multipart.append(submitter.name, submitter.value);
  const headers: Record<string, string> = origin === undefined ? {} : { origin };
  return page.request.post(page.url(), { multipart, headers, maxRedirects: 0 });
}

const count = (app: "plain" | "mail", sql: string, ...args: unknown[]) =>
  rowsIn<{ n: number }>(app, sql, ...args)[0]!.n;
const guardSessions = (app: "plain" | "mail" = "plain") =>
  count(app, "select count(*) as n from admin_sessions s join admins a on a.id = s.admin_id where a.email = ?", guard.email);
// An expected refusal, said plainly: a 403, not the error page of a 500.
async function refused(response: APIResponse) {
  expect(response.status()).toBe(403);
  expect(await response.text()).toContain("Organiser forms can only be sent from this site's own pages.");
}

for (const origin of origins) {
  test(`organiser actions with ${origin.name} change nothing`, async ({ page, uniqueEmail }) => {
    await page.goto("/");
    await fillSignature(page, { fullName: "Kept Signer", email: uniqueEmail });
    await page.getByRole("button", { name: "Sign the petition" }).click();
    await expect(page.getByRole("heading", { name: /Thank you/ })).toBeVisible();
    await signInAsOrganiser(page, guard);
    const kept = `kept-${uniqueEmail.split("@")[0]}.example`;
    await page.goto("/admin/blocked");
    await page.getByLabel("Domain or address to block").fill(kept);
    await page.getByRole("button", { name: "Block", exact: true }).click();
    await expect(page.getByRole("button", { name: `Unblock ${kept}` })).toBeVisible();

    const unblock = page.locator("form").filter({ has: page.getByRole("button", { name: `Unblock ${kept}` }) });
    await refused(await postForged(page, unblock, origin.value));
    expect(count("plain", "select count(*) as n from blocked_emails where value = ?", kept)).toBe(1);

    await page.getByLabel("Domain or address to block").fill(`forged-${kept}`);
    await refused(await postForged(page, page.locator("form.admin-form"), origin.value));
    expect(count("plain", "select count(*) as n from blocked_emails where value = ?", `forged-${kept}`)).toBe(0);

    await page.goto("/admin/erasure");
    await page.getByLabel("Email address").fill(uniqueEmail);
    await page.getByRole("button", { name: "Find signatures" }).click();
    await expect(page.getByRole("button", { name: "Erase 1 signature" })).toBeVisible();
    await refused(await postForged(page, page.locator("form.admin-form"), origin.value, { name: "intent", value: "erase" }));
    expect(count("plain", "select count(*) as n from signatures where email = ?", uniqueEmail)).toBe(1);

    await page.goto("/admin/petitions/white-helmets");
    await page.getByLabel("Client address").fill("127.0.0.1");
    await page.getByRole("button", { name: "Count matching signatures" }).click();
    await expect(page.getByText(/signatures? match/)).toBeVisible();
    const invalidation = page.locator("form.admin-form");
    await refused(await postForged(page, invalidation, origin.value, { name: "intent", value: "invalidate" }));
    expect(count("plain", "select count(*) as n from signatures where status = 'invalidated'")).toBe(0);

    const sessions = guardSessions();
    await refused(await postForged(page, page.locator("form.admin-signout"), origin.value));
    expect(guardSessions()).toBe(sessions);
    await page.goto("/admin");
    await expect(page.getByRole("heading", { name: "Campaigns" })).toBeVisible();
  });

  test(`signing in with ${origin.name} starts no session`, async ({ page }) => {
    const sessions = guardSessions();
    await page.goto("/admin/login");
    await page.getByLabel("Email").fill(guard.email);
    await page.getByLabel("Password").fill(guard.password);
    const response = await postForged(page, page.locator("form"), origin.value);
    await refused(response);
    expect(response.headers()["set-cookie"] ?? "").not.toContain("__Host-countersign-session");
    expect(guardSessions()).toBe(sessions);
  });
}

test("a forged request is refused while the same form from the page works", async ({ page }) => {
  await signInAsOrganiser(page, guard);
  await page.goto("/admin/blocked");
  await page.getByLabel("Domain or address to block").fill("control.example");
  const response = await postForged(page, page.locator("form.admin-form"), new URL(page.url()).origin);
  expect(response.status()).toBe(200);
  expect(count("plain", "select count(*) as n from blocked_emails where value = 'control.example'")).toBe(1);
});

test("the CSV export refuses a cross-site or null-origin request, even with a session", async ({ page }) => {
  await signInAsOrganiser(page, guard);
  const url = "/admin/petitions/white-helmets/signatures.csv";
  const forged: Record<string, string>[] = [{ origin: "https://evil.example" }, { origin: "null" }, { "sec-fetch-site": "cross-site" }];
  for (const headers of forged) {
    const response = await page.request.get(url, { headers });
    expect(response.status()).toBe(403);
    expect(await response.text()).not.toContain("@");
  }
  expect((await page.request.get(url)).status()).toBe(200);
});

test.describe("on the app with mail", () => {
  test.use({ app: "mail" });

  for (const origin of origins) {
    test(`turning confirmation off with ${origin.name} changes nothing`, async ({ page }) => {
      await signInAsOrganiser(page, guard);
      await page.goto("/admin/petitions/white-helmets");
      await page.getByLabel("Ask signers to confirm by email").uncheck();
      const toggle = page.locator("form").filter({ has: page.getByLabel("Ask signers to confirm by email") });
      await refused(await postForged(page, toggle, origin.value));
      expect(count("mail", "select require_confirmation as n from petitions")).toBe(1);
    });
  }
});
