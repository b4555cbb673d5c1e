import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The lint rule that keeps the floors (eslint.config.mjs), tried on imports that go the wrong way.
const eslint = new ESLint({ cwd: process.cwd() });

async function floorErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "import/no-restricted-paths").map((m) => m.message);
}

describe("the import floors", () => {
  it.each([
    ["app/admin/wrong.tsx", 'import { openDatabase } from "@/db/open";\nexport const x = openDatabase;\n', "app/ calls lib/"],
    ["app/admin/wrong.tsx", 'import { stores } from "@/lib/stores";\nexport const x = stores;\n', "app/ calls lib/"],
    ["server/wrong.ts", 'import { openSqlite } from "@/db/sqlite/dialect";\nexport const x = openSqlite;\n', "server/ calls lib/"],
    ["db/wrong.ts", 'import { stores } from "@/lib/stores";\nexport const x = stores;\n', "db/ imports only lib/domain"],
    ["lib/wrong.ts", 'import { signatureStore } from "@/db/signature-store";\nexport const x = signatureStore;\n', "lib/ never imports the database"],
    ["lib/wrong.ts", 'import { openDatabase } from "@/db/open";\nexport const x = openDatabase;\n', "lib/ never imports the database"],
    ["lib/domain/wrong.ts", 'import { config } from "@/lib/config";\nexport const x = config;\n', "lib/domain is the lowest floor"],
  ])("refuses %s importing the floor above or beside it", async (file, code, message) => {
    expect((await floorErrors(file, code)).join("\n")).toContain(message);
  }, 30_000);

  it("lets each floor import the ones below", async () => {
    expect(await floorErrors("db/fine.ts", 'import { nameKey } from "@/lib/domain/name-key";\nexport const x = nameKey;\n')).toEqual([]);
    expect(await floorErrors("lib/fine.ts", 'import { stores } from "@/lib/stores";\nexport const x = stores;\n')).toEqual([]);
    expect(await floorErrors("scripts/fine.ts", 'import { openDatabase } from "@/db/open";\nexport const x = openDatabase;\n')).toEqual([]);
    expect(await floorErrors("app/fine.tsx", 'import { signCampaign } from "@/lib/signatures";\nexport const x = signCampaign;\n')).toEqual([]);
  }, 30_000);
});
