import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase, storedRows } from "@/test/database";
import { signCampaign } from "@/lib/signatures";
import { databasePath } from "./connection";

beforeAll(prepareDatabase);

describe("group commit while another connection writes", () => {
  it("keeps the thread running while the write lock is held elsewhere, and stores the signature once it is let go", async () => {
    // Another connection holding SQLite's one write lock, as the count log's sequencer thread does while it stores a batch.
    const other = new Database(databasePath(process.env.DATABASE_URL!));
    other.prepare("begin immediate").run();
    let ticks = 0;
    const ticking = setInterval(() => ticks++, 5);
    const signing = signCampaign("white-helmets", { fullName: "Nour Haddad", email: "nour.haddad@example.org", country: "SY" });
    await new Promise((resolve) => setTimeout(resolve, 300));
    // SQLite's own busy handler would have slept the thread the whole while, and no timer could fire.
    expect(ticks).toBeGreaterThan(20);
    expect(storedRows("select count(*) as n from signatures where full_name = 'Nour Haddad'")).toEqual([{ n: 0 }]);
    other.prepare("commit").run();
    other.close();
    expect((await signing).kind).toBe("signed");
    clearInterval(ticking);
    expect(storedRows("select count(*) as n from signatures where full_name = 'Nour Haddad'")).toEqual([{ n: 1 }]);
  });
});
