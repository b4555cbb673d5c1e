import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.dirname(fileURLToPath(import.meta.url)) } },
  test: {
    include: ["lib/**/*.test.ts", "db/**/*.test.ts", "server/**/*.test.ts", "scripts/**/*.test.ts"],
    setupFiles: ["test/fresh-database.ts"],
    // Each file gets its own process and so its own temporary database.
    pool: "forks",
    isolate: true,
    testTimeout: 30_000,
  },
});
