// The receipt page runs this folder in the browser: none of its code may lean on Node.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const folder = import.meta.dirname;
const sources = readdirSync(folder).filter((file) => file.endsWith(".ts") && !file.includes(".test"));

describe("lib/log-proof in a browser", () => {
  it("imports no node: module and uses no Buffer, process or require", () => {
    expect(sources.length).toBeGreaterThan(10);
    for (const file of sources) {
      const code = readFileSync(path.join(folder, file), "utf8");
      expect(code, file).not.toMatch(/from\s+["']node:|import\(["']node:|\bBuffer\b|\bprocess\.|\brequire\(/);
    }
  });

  it("imports nothing of the app but lib/domain, and nothing of the server's log writer", () => {
    for (const file of sources) {
      const imports = [...readFileSync(path.join(folder, file), "utf8").matchAll(/from\s+["']([^"']+)["']/g)].map((m) => m[1] ?? "");
      for (const name of imports) expect(name, file).toMatch(/^(\.\/[a-z0-9-]+|@\/lib\/domain\/[a-z0-9-]+|@noble\/(hashes|curves)\/[a-z0-9]+|zod)$/);
    }
  });
});
