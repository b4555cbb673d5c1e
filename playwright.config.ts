import { defineConfig, devices } from "@playwright/test";
import { chromiumPath } from "./e2e/support/chromium";

// The same browser tests run on each database (TEST_DIALECT); the scale-out tests need PostgreSQL.
const postgresOnly = ["scale-out.spec.ts", "db-copy.spec.ts"];

export default defineConfig({
  testDir: "e2e",
  testIgnore: process.env.TEST_DIALECT === "postgres" ? [] : postgresOnly,
  globalSetup: "./e2e/support/global-setup.ts",
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Tests share one server and database; each signs with its own addresses.
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    ...devices["Desktop Chrome"],
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium: Playwright's own browser download cannot work on these machines.
      executablePath: chromiumPath(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
});
