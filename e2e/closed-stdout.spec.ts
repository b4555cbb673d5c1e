import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, fillSignature, test } from "./support/fixtures";
import { freePort } from "./support/app-server";
import { startOwnApp } from "./support/own-app";

const clockTicksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());

/** CPU seconds a process has used so far: utime and stime, the 14th and 15th fields of /proc/<pid>/stat. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name before them is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / clockTicksPerSecond;
}

/** A response's status, or a note that none came: a spinning server takes connections but never answers. */
async function statusOf(url: string, init: RequestInit = {}): Promise<number | string> {
  try {
    return (await fetch(url, { ...init, signal: AbortSignal.timeout(5000) })).status;
  } catch {
    return "no answer within 5 s";
  }
}

test("with its log collector gone, the app keeps answering and stays idle", async ({ page }) => {
  test.setTimeout(180_000);
  // Mail goes to a port nothing listens on, so every signature makes the mail worker log a failure.
  const app = await startOwnApp({
    SMTP_URL: `smtp://127.0.0.1:${await freePort()}`,
    MAIL_FROM: "Countersign <petitions@example.org>",
    PUBLIC_URL: "http://localhost",
    SIGN_LIMIT_PER_ADDRESS: "0",
    MIN_FORM_SECONDS: "0",
  });
  try {
    const child = app.server.process;
    // The collector restarts: the reading ends of both pipes close under the running app.
    child.stdout!.destroy();
    child.stderr!.destroy();

    const sign = (email: string) =>
      statusOf(`${app.url}/api/petitions/white-helmets/signatures`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ fullName: "Closed Pipe", email, country: "SY" }),
      });
    for (let n = 0; n < 3; n++) expect(await sign(`closed-pipe-${n}@example.org`), "a signature is answered").toBe(202);
    const failedAttempts = () => app.rows<{ n: number }>("select count(*) as n from outbox where attempts > 0")[0]!.n;
    await expect.poll(failedAttempts, { message: "the mail worker tried, failed and logged it" }).toBe(3);
    // Next.js logs through console: an action it does not know is reported on stderr, each time.
    // Its answer does not matter here, only that it wrote (Node swallows the first failed write).
    for (let n = 0; n < 3; n++) await statusOf(app.url, { method: "POST", headers: { "next-action": "0".repeat(42) }, body: "[]" });

    const before = cpuSeconds(child.pid!);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const used = cpuSeconds(child.pid!) - before;
    test.info().annotations.push({ type: "idle CPU", description: `${used.toFixed(2)} s over 3 s` });
    // Idle, it uses a few hundredths of a second; a process spinning on failed writes uses all 3.
    expect(used, "CPU seconds used over 3 idle seconds").toBeLessThan(0.5);

    const count = await fetch(`${app.url}/api/petitions/white-helmets`, { signal: AbortSignal.timeout(5000) });
    expect(count.status).toBe(200);
    expect(count.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);

    await page.goto(app.url, { timeout: 10_000 });
    await fillSignature(page, { fullName: "Hala Kassem", email: "closed-pipe-form@example.org" });
    await page.getByRole("button", { name: "Sign the petition" }).click();
    await expect(page.getByRole("heading", { name: "Almost done, Hala: check your email" })).toBeVisible();
    expect(child.exitCode).toBeNull();
  } finally {
    await app.stop();
  }
});
