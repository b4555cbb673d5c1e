import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { freePort, startAppServer, type AppServer } from "../../e2e/support/app-server";

export { freePort };

/** The app as `npm start` serves it, on a database of the bench's choosing. */
export async function startApp(database: string, env: Record<string, string> = {}): Promise<AppServer> {
  return startAppServer({
    DATABASE_URL: `file:${database}`,
    // One load generator on one address: the abuse limits would measure themselves.
    SIGN_LIMIT_PER_ADDRESS: "0",
    SIGN_LIMIT_PER_DOMAIN: "0",
    ADMIN_EMAIL: "bench@bench.example",
    ADMIN_PASSWORD: "a long bench password",
    ...env,
  });
}

export type Baseline = { url: string; pid: number; stop: () => Promise<void> };

async function waitForHttp(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`baseline exited before serving:\n${log()}`);
    if (Date.now() > deadline) throw new Error(`baseline did not serve within a minute:\n${log()}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

function stopper(child: ChildProcess) {
  return async () => {
    if (child.exitCode !== null || !child.pid) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid, "SIGTERM");
    await exited;
  };
}

/** Starts a baseline in its own process group; `args` run under node with tsx, or `command` as given. */
export async function startBaseline(
  command: { node: string[] } | { bin: string; args: string[]; cwd: string },
  env: Record<string, string>,
  probePath: string,
): Promise<Baseline> {
  const port = await freePort();
  const child =
    "node" in command
      ? spawn(process.execPath, ["--import", "tsx", ...command.node], { env: { ...process.env, ...env, PORT: String(port) }, detached: true, stdio: "pipe" })
      : spawn(command.bin, command.args.map((a) => a.replace("$PORT", String(port))), {
          cwd: command.cwd,
          env: { ...process.env, ...env },
          detached: true,
          stdio: "pipe",
        });
  let log = "";
  child.stdout?.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (log += d.toString()));
  const url = `http://localhost:${port}`;
  await waitForHttp(`${url}${probePath}`, child, () => log);
  return { url, pid: child.pid!, stop: stopper(child) };
}

/** Resident memory of a process, in MB, from /proc. */
export function residentMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

/** Samples a process's memory (and, if given, a file's size) until stopped; returns the peaks. */
export function sampleWhile(pid: number, file?: string) {
  let peakMb = residentMb(pid);
  let peakFileBytes = 0;
  const timer = setInterval(() => {
    peakMb = Math.max(peakMb, residentMb(pid));
    if (file) {
      try {
        peakFileBytes = Math.max(peakFileBytes, statSync(file).size);
      } catch {
        // Not there (yet): a WAL appears with the first write.
      }
    }
  }, 25);
  return {
    stop: () => {
      clearInterval(timer);
      return { peakMb, peakFileBytes };
    },
  };
}

export const benchDir = path.join(process.cwd(), "bench");
