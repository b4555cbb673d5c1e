import { defineConfig, devices } from "@playwright/test";
import { chromiumPath } from "./e2e/support/chromium";

// The same browser tests run on each database, as two projects of one run sharing its workers (one
// alone: --project sqlite or --project postgres); the scale-out tests need PostgreSQL.
const postgresOnly = ["scale-out.spec.ts", "db-copy.spec.ts"];
// These test what the front door and the pages do before or beside any query: forwarded headers and
// request timeouts, the organiser forms' Origin check, markup and its accessibility, framing, security
// headers and the page cache's nonces, a closed stdout. Their database is only scenery, and every
// store they touch is tested on both dialects elsewhere (the page payloads' on PostgreSQL by the
// scale-out tests), so they run once, on SQLite: a run's browser test time is a sixth less.
const sqliteOnly = [
  "front-door.spec.ts",
  "origin.spec.ts",
  "accessibility.spec.ts",
  "embed.spec.ts",
  "headers.spec.ts",
  "page-cache.spec.ts",
  "closed-stdout.spec.ts",
];

export default defineConfig({
  testDir: "e2e",
  projects: [
    { name: "sqlite", testIgnore: postgresOnly, metadata: { dialect: "sqlite" } },
    { name: "postgres", testIgnore: sqliteOnly, metadata: { dialect: "postgres" } },
  ],
  globalSetup: "./e2e/support/global-setup.ts",
  forbidOnly: !!process.env.CI,
  retries: 0,
  // A project's tests share its two servers and databases; each signs with its own addresses. Much
  // of a browser test is waiting (on a server, a timer, an email), so four run at once on two cores.
  workers: 4,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    ...devices["Desktop Chrome"],
    // Recording a trace of every test, to keep those that fail, costs a tenth of the run's CPU
    // (measured here); CI keeps the error, its call log and the page's snapshot beside it.
    trace: process.env.CI ? "off" : "retain-on-failure",
    launchOptions: {
      // Debian's Chromium: Playwright's own browser download cannot work on these machines.
      executablePath: chromiumPath(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
});
