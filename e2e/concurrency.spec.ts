import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { EventSource } from "eventsource";
import { recordSigningAction } from "../bench/support/action-request";
import { startOwnApp } from "./support/own-app";

// The bench's checks, small enough for every test run: concurrency must never lose or double-count.
const organiser = { email: "concurrency@example.org", password: "a long concurrency password" };

test("hundreds of concurrent signatures through the API and the form are all stored, counted and seen", async ({ page }) => {
  test.setTimeout(180_000);
  const app = await startOwnApp({
    SIGN_LIMIT_PER_ADDRESS: "0",
    SIGN_LIMIT_PER_DOMAIN: "0",
    ADMIN_EMAIL: organiser.email,
    ADMIN_PASSWORD: organiser.password,
  });
  const watcher = new EventSource(`${app.url}/api/petitions/white-helmets/events`);
  try {
    let lastSeen = 0;
    watcher.onmessage = (event) => (lastSeen = (JSON.parse(event.data) as { total: number }).total);

    const apiAnswers = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        fetch(`${app.url}/api/petitions/white-helmets/signatures`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ fullName: "Concurrent Signer", email: `api-${i}@example.org`, country: "SY" }),
        }).then(async (r) => ({ status: r.status, body: await r.text() })),
      ),
    );
    expect(apiAnswers.map((a) => a.status)).toEqual(Array(300).fill(201));

    const recorded = await recordSigningAction(`${app.url}/`);
    const formAnswers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        fetch(recorded.url, { method: "POST", headers: recorded.headers, body: recorded.body.replace(recorded.email, `form-${i}@example.org`) }).then(
          async (r) => ({ status: r.status, body: await r.text() }),
        ),
      ),
    );
    expect(formAnswers.map((a) => a.status)).toEqual(Array(100).fill(200));

    // Each answer carries a withdraw token of its own (opaque, so the rows are checked by email).
    const tokens = [
      ...apiAnswers.map((a) => /\/withdraw\/([\w-]{48})"/.exec(a.body)?.[1]),
      ...formAnswers.map((a) => /withdrawToken":"([\w-]{48})"/.exec(a.body)?.[1]),
    ];
    expect(new Set(tokens.filter(Boolean)).size).toBe(400);
    const stored = new Set(app.rows<{ email: string }>("select email from signatures").map((r) => r.email));
    const signed = [...Array.from({ length: 300 }, (_, i) => `api-${i}@example.org`), ...Array.from({ length: 100 }, (_, i) => `form-${i}@example.org`)];
    expect(signed.filter((email) => !stored.has(email))).toEqual([]);
    expect(stored.size).toBe(401);
    const counted = (await (await fetch(`${app.url}/api/petitions/white-helmets`)).json()) as { signaturesHere: number };
    expect(counted.signaturesHere).toBe(401);
    await expect.poll(() => lastSeen, { timeout: 1500 }).toBe(325_401);

    // An export of 10,000 rows holds exactly the table.
    execFileSync(process.execPath, ["--import", "tsx", "scripts/seed-signatures.ts", "9599"], {
      env: { ...process.env, DATABASE_URL: app.databaseUrl, ADMIN_EMAIL: "", ADMIN_PASSWORD: "" },
    });
    await page.goto(`${app.url}/admin/login`);
    await page.getByLabel("Email").fill(organiser.email);
    await page.getByLabel("Password").fill(organiser.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Campaigns" })).toBeVisible();
    const csv = await (await page.request.get(`${app.url}/admin/petitions/white-helmets/signatures.csv`)).text();
    const records = parse(csv.slice(1), { columns: true }) as Record<string, string>[];
    const table = app.rows<{ email: string }>("select email from signatures where status = 'confirmed' order by id").map((r) => r.email);
    expect(records).toHaveLength(10_000);
    expect(records.map((r) => r.Email)).toEqual(table);
    await expect.poll(() => lastSeen, { timeout: 1500 }).toBe(335_000);
  } finally {
    watcher.close();
    await app.stop();
  }
});
