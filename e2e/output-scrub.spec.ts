import { executeSql } from "../test/rows";
import { expect, fillSignature, organiser, test } from "./support/fixtures";
import { startOwnApp } from "./support/own-app";

// What the server writes when the database fails under it: our logger's lines, Next.js's own
// error reports and everything else on stdout and stderr pass one scrubber (lib/scrub.ts).
test("with its database failing, nothing the server prints names a signer or carries a link's token", async ({ page }) => {
  test.setTimeout(180_000);
  const app = await startOwnApp({ ADMIN_EMAIL: organiser.email, ADMIN_PASSWORD: organiser.password, SIGN_LIMIT_PER_ADDRESS: "0" });
  try {
    const signed = await fetch(`${app.url}/api/petitions/white-helmets/signatures`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ fullName: "Salma Haddad", email: "salma.haddad@example.org", country: "LB" }),
    });
    expect(signed.status).toBe(201);
    // Without PUBLIC_URL the link is a path on this site.
    const token = ((await signed.json()) as { withdrawUrl: string }).withdrawUrl.split("/").at(-1)!;
    await page.goto(`${app.url}/admin/login`);
    await page.getByLabel("Email").fill(organiser.email);
    await page.getByLabel("Password").fill(organiser.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Campaigns" })).toBeVisible();

    await page.goto(app.url);
    await fillSignature(page, { fullName: "Leila Amin", email: "leila.amin@example.org" });

    // Every statement that matches addresses fails from here, quoting its values.
    executeSql(app.databaseUrl, "alter table signatures rename column email_key to email_key_gone");

    // Through the JSON API and the form's server action (both logged by our logger) and the
    // organisers' search (whose failure Next.js reports itself), each with a signer's address.
    const api = await fetch(`${app.url}/api/petitions/white-helmets/signatures`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ fullName: "Rania Saleh", email: "rania.saleh@example.org", country: "SY" }),
    });
    expect(api.status).toBe(500);
    await page.getByRole("button", { name: "Sign the petition" }).click();
    // The form's own alert (Next.js keeps an empty route announcer with the same role).
    await expect(page.getByRole("alert").filter({ hasText: "couldn't save your signature" })).toBeVisible();
    const search = await page.goto(`${app.url}/admin/petitions/white-helmets/signatures?email=${encodeURIComponent("salma.haddad@example.org")}`);
    expect(search!.status()).toBe(500);
    expect((await fetch(`${app.url}/en/withdraw/${token}`)).status).toBeLessThan(500);
    await expect
      .poll(() => [/signing failed/, /answering a request failed/, /digest: /].filter((line) => !line.test(app.server.output())), {
        message: "each failure was written: the action's, the API's, and Next.js's own report of the page's",
      })
      .toEqual([]);

    const output = app.server.output();
    for (const personal of ["Rania", "rania.saleh", "Leila", "leila.amin", "Salma", "salma.haddad", token, "127.0.0.1"]) expect(output).not.toContain(personal);
    // Next.js marks its own error reports so; on PostgreSQL the failed queries name their values, cut.
    expect(output).toContain("⨯");
    if (app.databaseUrl.startsWith("postgres")) expect(output).toContain("params: [redacted]");
  } finally {
    await app.stop();
  }
});
