import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { serverEntry } from "../../scripts/build";

/** A port nothing is listening on right now, picked by the kernel. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export type AppServer = { url: string; process: ChildProcess; stop: () => Promise<void>; output: () => string };

/**
 * Starts the app as `npm start` does (the compiled server: migrate, seed, serve) in its own process
 * group, so stopping it also stops any child that holds the port. Global setup has built the app already.
 */
export async function startAppServer(
  env: Record<string, string>,
  options: { port?: number; timeoutMs?: number } = {},
): Promise<AppServer> {
  const port = options.port ?? (await freePort());
  const timeoutMs = options.timeoutMs ?? 400_000;
  const child = spawn(process.execPath, ["--max-old-space-size=192", "--enable-source-maps", serverEntry], {
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1" },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (log += d.toString()));
  const url = `http://localhost:${port}`;

  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      return;
    }
    const timer = setTimeout(() => child.pid && process.kill(-child.pid, "SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode} before serving:\n${log}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the app did not serve within ${timeoutMs / 1000}s:\n${log}`);
    }
    try {
      const res = await fetch(`${url}/api/petitions/white-helmets`);
      if (res.ok) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url, process: child, stop, output: () => log };
}
