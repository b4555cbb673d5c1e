import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { promisify } from "node:util";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/test/database";
import { readOrCreateKeyFile, secretKey } from "./secrets";

const scratch = mkdtempSync(path.join(tmpdir(), "countersign-keys-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

beforeAll(prepareDatabase);

describe("the secret key", () => {
  it("gives each purpose its own key", () => {
    expect(secretKey("withdraw").equals(secretKey("form-token"))).toBe(false);
    expect(secretKey("withdraw").equals(secretKey("withdraw"))).toBe(true);
  });

  it("is read again after a failed read instead of failing until a restart", () => {
    const file = path.join(scratch, "flaky", "countersign-secret.key");
    // A folder where the file should be makes the first read fail.
    mkdirSync(file, { recursive: true });
    expect(() => readOrCreateKeyFile(file)).toThrow(/EISDIR/);
    rmSync(file, { recursive: true });
    const made = readOrCreateKeyFile(file);
    expect(readOrCreateKeyFile(file)).toBe(made);
  });

  it("refuses a damaged key file rather than signing with a weak key", () => {
    const file = path.join(scratch, "short.key");
    rmSync(file, { force: true });
    writeFileSync(file, "short\n");
    expect(() => readOrCreateKeyFile(file)).toThrow(/5 characters where 32 or more are needed/);
    expect(existsSync(file)).toBe(true);
  });

  it("comes from SECRET_KEY when it is set, and then no file is made", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "countersign-secret-"));
    try {
      const env = (key: string) => ({ ...process.env, DATABASE_URL: `file:${path.join(dir, "other.db")}`, SECRET_KEY: key });
      const run = async (key: string, ...args: string[]) =>
        (await promisify(execFile)(process.execPath, ["--import", "tsx", "test/form-token.ts", ...args], { env: env(key) })).stdout;
      const stamp = await run("k".repeat(40), "issue");
      // Another process with the same SECRET_KEY accepts the stamp; one with another key does not.
      expect(await run("k".repeat(40), "check", stamp)).toBe("person");
      expect(await run("j".repeat(40), "check", stamp)).toBe("suspected");
      expect(existsSync(path.join(dir, "countersign-secret.key"))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
