import { existsSync } from "node:fs";

const candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium"];

/** The system Chromium the browser tests drive: CHROMIUM_PATH, or Debian's package. */
export function chromiumPath(): string {
  const found = [process.env.CHROMIUM_PATH, ...candidates].find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error("No Chromium found for the browser tests. Install Debian's: apt-get install -y chromium, or set CHROMIUM_PATH.");
  }
  return found;
}
