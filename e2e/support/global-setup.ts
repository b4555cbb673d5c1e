import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FullConfig } from "@playwright/test";
import { buildIfStale } from "../../scripts/build";
import { freePort, startAppServer } from "./app-server";
import { dialectOf, type Dialect } from "./dialect";
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

/** Where a worker finds its project's shared apps (e2e/support/fixtures.ts puts them in its environment). */
export type SharedApps = Record<"E2E_PLAIN_URL" | "E2E_PLAIN_DATABASE_URL" | "E2E_MAIL_URL" | "E2E_MAIL_DATABASE_URL" | "E2E_MAIL_DIR", string>;

/**
 * Two built apps on one database dialect, each on a fresh database: "plain" without mail, where
 * signatures count at once, and "mail" with a real SMTP server of its own, where they wait for
 * email confirmation.
 */
async function startSharedApps(dialect: Dialect, dir: string) {
  const mailDir = path.join(dir, "mail");
  const mailDrop = await startMailDrop(mailDir);
  const plainDatabase = freshDatabase("plain", dialect);
  const mailDatabase = freshDatabase("mail", dialect);
  const mailPort = await freePort();
  const [plain, mail] = await Promise.all([
    startAppServer({ ...common, DATABASE_URL: plainDatabase.url }),
    startAppServer(
      {
        ...common,
        DATABASE_URL: mailDatabase.url,
        SMTP_URL: `smtp://127.0.0.1:${mailDrop.port}`,
        MAIL_FROM: "Countersign <petitions@example.org>",
        PUBLIC_URL: `http://localhost:${mailPort}`,
      },
      { port: mailPort },
    ),
  ]);
  const apps: SharedApps = {
    E2E_PLAIN_URL: plain.url,
    E2E_PLAIN_DATABASE_URL: plainDatabase.url,
    E2E_MAIL_URL: mail.url,
    E2E_MAIL_DATABASE_URL: mailDatabase.url,
    E2E_MAIL_DIR: mailDir,
  };
  return {
    dialect,
    apps,
    async stop() {
      await Promise.all([plain.stop(), mail.stop()]);
      await mailDrop.stop();
      plainDatabase.drop();
      mailDatabase.drop();
    },
  };
}

/** Builds the app once, then starts the shared apps of each database the run's projects test, side by side. */
export default async function globalSetup(config: FullConfig) {
  buildIfStale();
  // Every app and helper process of the run signs with this key (PostgreSQL requires one).
  process.env.SECRET_KEY ??= randomBytes(32).toString("base64url");
  const dir = mkdtempSync(path.join(tmpdir(), "countersign-e2e-"));
  const dialects = [...new Set(config.filteredProjects.map(dialectOf))];
  const started = await Promise.all(dialects.map((dialect) => startSharedApps(dialect, path.join(dir, dialect))));
  process.env.E2E_SHARED_APPS = JSON.stringify(Object.fromEntries(started.map(({ dialect, apps }) => [dialect, apps])));
  return async () => {
    await Promise.all(started.map((run) => run.stop()));
    rmSync(dir, { recursive: true, force: true });
  };
}
