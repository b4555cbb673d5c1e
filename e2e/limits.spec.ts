import { expect, test } from "@playwright/test";
import { startOwnApp } from "./support/own-app";

const signer = (n: number) => ({ fullName: "Limit Tester", email: `limit-${n}@example.org`, country: "SY" });

test.describe("abuse limits", () => {
  test.describe.configure({ mode: "serial" });
  let app: Awaited<ReturnType<typeof startOwnApp>>;

  test.beforeAll(async () => {
    app = await startOwnApp({
      SIGN_LIMIT_PER_ADDRESS: "3",
      SIGN_LIMIT_PER_DOMAIN: "0",
      TRUSTED_PROXY_HEADER: "x-forwarded-for",
    });
  });
  test.afterAll(async () => app?.stop());

  test("the API answers 429 with Retry-After past the per-address limit, and stores nothing more", async ({ request }) => {
    const post = (n: number, forwardedFor: string) =>
      request.post(`${app.url}/api/petitions/white-helmets/signatures`, {
        data: signer(n),
        headers: { "x-forwarded-for": forwardedFor },
      });
    for (const n of [1, 2, 3]) expect((await post(n, "198.51.100.1, 203.0.113.9")).status()).toBe(201);
    const refused = await post(4, "198.51.100.2, 203.0.113.9");
    expect(refused.status()).toBe(429);
    expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
    expect(app.rows("select count(*) as n from signatures")).toEqual([{ n: 3 }]);
    // The trusted proxy's entry is the last one; the client's own claims before it are ignored.
    expect(app.rows("select distinct client_address as a from signatures")).toEqual([{ a: "203.0.113.9" }]);
    expect((await post(5, "203.0.113.10")).status()).toBe(201);
  });

  test("a person past the limit is told when to try again and keeps what they typed", async ({ page }) => {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": "203.0.113.9" });
    await page.goto(app.url);
    await page.getByLabel("Full name").fill("Patient Person");
    await page.getByRole("textbox", { name: "Email" }).fill("patient@example.org");
    await page.getByLabel("Country").selectOption("NO");
    await page.getByRole("button", { name: "Sign the petition" }).click();
    await expect(page.getByRole("alert").filter({ hasText: /Too many signatures have come from your connection/ })).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Email" })).toHaveValue("patient@example.org");
    await expect(page.getByLabel("Country")).toHaveValue("NO");
  });
});

test("without a trusted proxy header, a client's X-Forwarded-For is ignored", async ({ request }) => {
  const app = await startOwnApp({ SIGN_LIMIT_PER_ADDRESS: "0", SIGN_LIMIT_PER_DOMAIN: "0" });
  try {
    const response = await request.post(`${app.url}/api/petitions/white-helmets/signatures`, {
      data: signer(1),
      headers: { "x-forwarded-for": "198.51.100.77" },
    });
    expect(response.status()).toBe(201);
    expect(app.rows("select client_address as a from signatures")).toEqual([{ a: "127.0.0.1" }]);
  } finally {
    await app.stop();
  }
});
