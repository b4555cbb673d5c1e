import { existsSync } from "node:fs";

// Chromium's headless shell first: the browser Playwright itself runs headless tests in, and here
// it ran the same tests in half the time and two thirds of the CPU of the full browser.
const candidates = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium"];

/** The system Chromium the browser tests drive: CHROMIUM_PATH, or Debian's package. */
export function chromiumPath(): string {
  const found = [process.env.CHROMIUM_PATH, ...candidates].find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error("No Chromium found for the browser tests. Install Debian's: apt-get install -y chromium-headless-shell, or set CHROMIUM_PATH.");
  }
  return found;
}
