import { expect, test } from "./support/fixtures";

test("every page carries a strict CSP with a fresh nonce, and the page still runs under it", async ({ page, request }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) errors.push(message.text());
  });
  const response = await page.goto("/");
  const policy = response!.headers()["content-security-policy"]!;
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(policy).toContain("frame-ancestors 'none'");
  const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
  const scripts = await page.locator("script").evaluateAll((all) => all.map((s) => (s as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => n === nonce)).toBe(true);

  const again = (await request.get("/")).headers()["content-security-policy"]!;
  expect(/'nonce-([^']+)'/.exec(again)![1]).not.toBe(nonce);

  // Hydrated despite the policy: the form shows its pending state through React.
  await page.getByRole("button", { name: "Sign the petition" }).click();
  await expect(page.getByLabel("Full name")).toBeFocused();
  expect(errors).toEqual([]);
});

test("every response carries the other security headers", async ({ request }) => {
  for (const path of ["/", "/privacy", "/admin/login", "/api/petitions/white-helmets", "/icon.svg"]) {
    const headers = (await request.get(path)).headers();
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["permissions-policy"], path).toContain("camera=()");
    expect(headers["x-frame-options"], path).toBe("DENY");
  }
});
