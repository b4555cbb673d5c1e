import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { decoySealedId } from "./tokens";

/** Runs test/noisy-process.ts in a process of its own, as the server runs: its whole output and exit code. */
function runNoisyProcess(token: string): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "test/noisy-process.ts", token], { env: { ...process.env, LOG_LEVEL: "info" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ stdout, stderr, code }));
  });
}

describe("everything the process writes to stdout and stderr", () => {
  it("passes the scrubber, whether logged, printed by console, written straight to the stream or thrown uncaught", async () => {
    const token = decoySealedId();
    const { stdout, stderr, code } = await runNoisyProcess(token);
    const all = stdout + stderr;
    for (const personal of ["rania.saleh", "omar@", "hana@", "leila", "Leila Amin", "karim@", "bassam@", "203.0.113.9", "2001:db8::7", token]) {
      expect(all).not.toContain(personal);
    }

    // Nothing was lost on the way: each line is there, scrubbed.
    expect(stderr).toContain("Error: 550 5.1.1 <[email]>: Recipient address rejected (client [[ip]])");
    expect(stdout).toContain("GET /en/unsubscribe/[token] 200 in 12ms");
    expect(stderr).toMatch(/slow answer for \{ clientAddress: '\[ip\]', from: '\[email\]' \}/);
    expect(stderr).toContain("⨯ failed to render /api/referrals/[token]?ref=[token]");
    expect(stdout).toContain("queued for [email]");
    expect(stdout).toContain("value\n");
    expect(stdout).toContain("written after a callback\n");
    const line = JSON.parse(stdout.split("\n").find((l) => l.includes("query failed"))!) as { err: { message: string; params: unknown } };
    expect(line.err).toMatchObject({ message: expect.stringContaining("params: [redacted]"), params: "[redacted]" });
    expect(stderr).toContain("SQLITE_BUSY");
    // Uncaught before Next.js's own handler is in place: printed scrubbed, and the process ends as Node ends it.
    expect(stderr).toContain("Uncaught exception: Error: nobody caught this for [email] at /en/confirm/[token]");
    expect(code).toBe(1);
  }, 30_000);
});
