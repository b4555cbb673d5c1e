import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildIfStale } from "../../scripts/build";
import { freePort, startAppServer } from "./app-server";
import { startMailDrop } from "./mail-drop";
import { freshDatabase } from "./test-database";

export const organiser = { email: "organiser@example.org", password: "a long organiser password" };

/** What both test apps share: the first organiser, and no limits unless a test asks. */
const common = {
  ADMIN_EMAIL: organiser.email,
  ADMIN_PASSWORD: organiser.password,
  SIGN_LIMIT_PER_ADDRESS: "0",
  SIGN_LIMIT_PER_DOMAIN: "0",
  // Tests compare the page's count with the database right after signing; e2e/page-cache.spec.ts
  // covers the cache on an app of its own.
  PAGE_CACHE_SECONDS: "0",
};

/**
 * Two built apps, each on a fresh temporary database: "plain" without mail, where signatures count
 * at once, and "mail" with a real SMTP server, where they wait for email confirmation.
 */
export default async function globalSetup() {
  buildIfStale();
  // Every app and helper process of the run signs with this key (PostgreSQL requires one).
  process.env.SECRET_KEY ??= randomBytes(32).toString("base64url");
  const dir = mkdtempSync(path.join(tmpdir(), "countersign-e2e-"));
  const mailDir = path.join(dir, "mail");
  const mailDrop = await startMailDrop(mailDir);
  const plainDatabase = freshDatabase("plain");
  const mailDatabase = freshDatabase("mail");

  const plain = await startAppServer({ ...common, DATABASE_URL: plainDatabase.url });
  const mailPort = await freePort();
  const mail = await startAppServer(
    {
      ...common,
      DATABASE_URL: mailDatabase.url,
      SMTP_URL: `smtp://127.0.0.1:${mailDrop.port}`,
      MAIL_FROM: "Countersign <petitions@example.org>",
      PUBLIC_URL: `http://localhost:${mailPort}`,
    },
    { port: mailPort },
  );

  Object.assign(process.env, {
    E2E_PLAIN_URL: plain.url,
    E2E_PLAIN_DATABASE_URL: plainDatabase.url,
    E2E_MAIL_URL: mail.url,
    E2E_MAIL_DATABASE_URL: mailDatabase.url,
    E2E_MAIL_DIR: mailDir,
    E2E_TMP: dir,
  });
  return async () => {
    await Promise.all([plain.stop(), mail.stop()]);
    await mailDrop.stop();
    plainDatabase.drop();
    mailDatabase.drop();
    rmSync(dir, { recursive: true, force: true });
  };
}
