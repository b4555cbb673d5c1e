import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { queryRows, type Row } from "../../test/rows";
import { freePort, startAppServer, type AppServer } from "./app-server";
import { createTestDatabase, dropTestDatabase } from "../../test/postgres";

/**
 * Several app processes on one fresh PostgreSQL database behind nginx, run from the shipped
 * deploy/nginx.conf with this cluster's ports and paths put in.
 */
export async function startCluster(size: number, env: Record<string, string> = {}) {
  const databaseUrl = createTestDatabase("cluster");
  const dir = mkdtempSync(path.join(tmpdir(), "countersign-cluster-"));
  const settings = { DATABASE_URL: databaseUrl, TRUSTED_PROXY_HEADER: "x-forwarded-for", TRUST_FORWARDED_HOST: "true", ...env };
  const ports = await Promise.all(Array.from({ length: size }, () => freePort()));
  // One after another at first: the first start migrates, and the build is shared.
  const processes: AppServer[] = [];
  for (const port of ports) processes.push(await startAppServer(settings, { port }));

  const nginxPort = await freePort();
  const config = readFileSync(path.join(process.cwd(), "deploy/nginx.conf"), "utf8")
    .replace(/^\s*server 127\.0\.0\.1:300\d (.*)$/gm, "")
    .replace("upstream countersign {", `upstream countersign {\n${ports.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join("\n")}`)
    .replace("listen 8080;", `listen 127.0.0.1:${nginxPort};`)
    .replace(/^pid .*$/m, `pid ${dir}/nginx.pid;`)
    .replace(/^error_log .*$/m, `error_log ${dir}/error.log warn;`)
    .replace(/client_body_temp_path .*;/, `client_body_temp_path ${dir}/body;`)
    .replace(/proxy_temp_path .*;/, `proxy_temp_path ${dir}/proxy;`);
  const configFile = path.join(dir, "nginx.conf");
  writeFileSync(configFile, config);
  const nginx: ChildProcess = spawn("nginx", ["-c", configFile, "-p", dir, "-g", "daemon off;"], { detached: true, stdio: "ignore" });
  const url = `http://127.0.0.1:${nginxPort}`;
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // nginx is not listening yet.
    }
    if (tries > 100) throw new Error(`nginx did not answer on ${url}: ${readFileSync(path.join(dir, "error.log"), "utf8")}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    url,
    databaseUrl,
    processes,
    rows<R = Row>(sql: string, ...params: unknown[]): R[] {
      return queryRows<R>(databaseUrl, sql, ...params);
    },
    /** Stops process `i` as a deploy would (SIGTERM, then waits for it to exit) and starts it again on its port. */
    async restart(i: number) {
      await processes[i]!.stop();
      processes[i] = await startAppServer(settings, { port: ports[i] });
    },
    /** Kills process `i` outright, as a crash would. */
    kill(i: number) {
      process.kill(-processes[i]!.process.pid!, "SIGKILL");
    },
    async stop() {
      await Promise.all(processes.map((p) => p.stop()));
      if (nginx.pid) process.kill(-nginx.pid, "SIGTERM");
      dropTestDatabase(databaseUrl);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
