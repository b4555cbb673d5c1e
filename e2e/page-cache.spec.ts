import { expect, test } from "@playwright/test";
import { startOwnApp } from "./support/own-app";

test("the micro-cached page gives each reader a fresh nonce, runs under it, and catches up within a second", async ({ page, request }) => {
  const app = await startOwnApp({ PAGE_CACHE_SECONDS: "1", SIGN_LIMIT_PER_ADDRESS: "0" });
  try {
    const nonces = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const response = await request.get(`${app.url}/?fbclid=shared-link`);
      const html = await response.text();
      const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"]!)![1]!;
      // `/` is each reader's own language: a shared cache must keep the copies apart.
      expect(response.headers()["vary"]).toMatch(/Accept-Language, Cookie/);
      expect(html).toContain(`nonce="${nonce}"`);
      // The framework's scripts are not in the head: the nonce'd loader adds them after the first paint.
      expect(html.slice(0, html.indexOf("</head>"))).not.toMatch(/<script src="\/_next\/[^"]+"[^>]*\basync\b/);
      expect(html).toContain(`<script nonce="${nonce}">requestAnimationFrame(`);
      // React's payload is not in the page either: the loader fetches it first, from an address no other page has.
      expect(html).not.toContain("__next_f");
      const payload = await request.get(`${app.url}${/"(\/page-data\/[^"]+\.js)"/.exec(html)![1]!}`);
      expect(payload.status()).toBe(200);
      expect(await payload.text()).toContain("self.__next_f.push(");
      nonces.add(nonce);
    }
    expect(nonces.size).toBe(3);

    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto(app.url);
    await page.getByRole("button", { name: "Sign the petition" }).click();
    // Focus moving to the first error is React at work: the page hydrated under the swapped nonce.
    await expect(page.getByLabel("Full name")).toBeFocused();
    expect(errors).toEqual([]);

    const signed = await request.post(`${app.url}/api/petitions/white-helmets/signatures`, {
      data: { fullName: "Cache Tester", email: "cache@example.org", country: "SY" },
    });
    expect(signed.status()).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const fresh = await (await request.get(app.url)).text();
    expect(fresh).toContain('data-total="325001"');
  } finally {
    await app.stop();
  }
});
