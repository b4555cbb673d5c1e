import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { createTestDatabase, dropTestDatabase } from "../test/postgres";
import { queryRows } from "../test/rows";
import { startAppServer } from "./support/app-server";
import { startMailDrop } from "./support/mail-drop";
import { fillSignature, signInAsOrganiser } from "./support/fixtures";

// Moving a campaign that has lived: an app on SQLite with mail, signatures (confirmed and
// pending), an erasure and queued mail; then db:copy into PostgreSQL and the app started there.
// Runs in the PostgreSQL pass (playwright.config.ts).
const organiser = { email: "mover@example.org", password: "a long password for moving" };

test("db:copy moves a campaign with signatures, an erasure and mail into PostgreSQL, and the app goes on there", async ({ browser }) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(path.join(tmpdir(), "countersign-move-"));
  const sqliteUrl = `file:${path.join(dir, "campaign.db")}`;
  const postgresUrl = createTestDatabase("move");
  const mailDrop = await startMailDrop(path.join(dir, "mail"));
  const organiserEnv = { ADMIN_EMAIL: organiser.email, ADMIN_PASSWORD: organiser.password, SIGN_LIMIT_PER_ADDRESS: "0" };
  try {
    const before = await startAppServer({ ...organiserEnv, DATABASE_URL: sqliteUrl });
    const post = (email: string) =>
      fetch(`${before.url}/api/petitions/white-helmets/signatures`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ fullName: "Moved Signer", email, country: "SY" }),
      });
    for (let i = 0; i < 20; i++) expect((await post(`moved${i}@example.org`)).status).toBe(201);

    const page = await (await browser.newContext({ baseURL: before.url })).newPage();
    await page.goto("/");
    await fillSignature(page, { fullName: "Erased Person", email: "erase-me@example.org" });
    await page.getByRole("button", { name: "Sign the petition" }).click();
    await expect(page.getByRole("heading", { name: /Thank you/ })).toBeVisible();
    await signInAsOrganiser(page, organiser);
    await page.goto("/admin/erasure");
    await page.getByLabel("Email address").fill("erase-me@example.org");
    await page.getByRole("button", { name: "Find signatures" }).click();
    await page.getByRole("button", { name: "Erase 1 signature" }).click();
    await expect(page.getByText(/Erased 1 signature/)).toBeVisible();
    await before.stop();

    // Mail on: new signatures wait for confirmation, and their messages wait in the outbox.
    const withMail = await startAppServer({
      ...organiserEnv,
      DATABASE_URL: sqliteUrl,
      SMTP_URL: `smtp://127.0.0.1:${mailDrop.port}`,
      MAIL_FROM: "Countersign <petitions@example.org>",
      PUBLIC_URL: "http://localhost",
    });
    for (let i = 0; i < 3; i++) {
      const pending = await fetch(`${withMail.url}/api/petitions/white-helmets/signatures`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ fullName: "Pending Signer", email: `pending${i}@example.org`, country: "LB" }),
      });
      expect(pending.status).toBe(202);
    }
    await withMail.stop();

    const copied = await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/db-copy.ts", sqliteUrl, postgresUrl], {
      env: { ...process.env, DATABASE_URL: "" },
    });
    expect(copied.stdout).toContain("Everything matches.");

    const tables = ["petition_translations", "signatures", "confirmations", "outbox", "audit_events", "admins"];
    for (const table of tables) {
      expect(queryRows(postgresUrl, `select count(*) as n from ${table}`), table).toEqual(queryRows(sqliteUrl, `select count(*) as n from ${table}`));
    }

    const after = await startAppServer({ DATABASE_URL: postgresUrl, SIGN_LIMIT_PER_ADDRESS: "0" });
    try {
      const status = (await (await fetch(`${after.url}/api/petitions/white-helmets`)).json()) as { signaturesHere: number };
      expect(status.signaturesHere).toBe(20);
      expect((await (await fetch(`${after.url}/api/petitions/white-helmets/signatures`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ fullName: "After The Move", email: "after@example.org", country: "SY" }),
      })).json()) as { signerNumber: number }).toMatchObject({ signerNumber: 325_000 + 22 });
    } finally {
      await after.stop();
    }
  } finally {
    await mailDrop.stop();
    dropTestDatabase(postgresUrl);
    rmSync(dir, { recursive: true, force: true });
  }
});
