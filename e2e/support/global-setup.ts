import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startAppServer } from "./app-server";

export const organiser = { email: "organiser@example.org", password: "a long organiser password" };

/** One built app on a fresh temporary database for the whole browser suite. */
export default async function globalSetup() {
  const dir = mkdtempSync(path.join(tmpdir(), "countersign-e2e-"));
  const database = path.join(dir, "e2e.db");
  const server = await startAppServer({
    DATABASE_URL: `file:${database}`,
    ADMIN_EMAIL: organiser.email,
    ADMIN_PASSWORD: organiser.password,
  });
  process.env.E2E_BASE_URL = server.url;
  process.env.E2E_DATABASE = database;
  return async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
