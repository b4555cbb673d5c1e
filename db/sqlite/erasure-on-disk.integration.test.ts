import { existsSync, readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/test/database";
import { eraseSignaturesByEmail } from "@/lib/erasure";
import { signCampaign } from "@/lib/signatures";
import { stores } from "@/lib/stores";
import { databasePath } from "./connection";

beforeAll(prepareDatabase);

describe("an erasure on SQLite", () => {
  it("leaves nothing of the signer readable in the database's files on disk", async () => {
    const layla = { fullName: "Layla Haddad", email: "Layla.Haddad+petition@gmail.com", country: "LB", comment: "I grew up two streets from the bakery in Aleppo." };
    expect((await signCampaign("white-helmets", layla)).kind).toBe("signed");
    expect(await eraseSignaturesByEmail("layla.haddad@gmail.com", "organiser@countersign.example")).toBe(1);
    // A deleted row's bytes stay in SQLite's free space and in the WAL unless they are overwritten,
    // and anyone with a copy of the file could read them back. The WAL is emptied off the request path.
    await stores().database.erasedDataSettled();
    const file = databasePath(process.env.DATABASE_URL!);
    const onDisk = [file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f));
    for (const trace of ["bakery in Aleppo", "Layla Haddad", "Layla.Haddad+petition"]) {
      expect(onDisk.some((bytes) => bytes.includes(trace)), trace).toBe(false);
    }
  });
});
