import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signCampaign } from "@/lib/signatures";
import { stores } from "@/lib/stores";
import { prepareDatabase, writeRows } from "@/test/database";
import { openDialect } from "./open";

beforeAll(prepareDatabase);

// A dialect of this test's own on the file's database, beside the app's.
const opened = openDialect({ url: process.env.DATABASE_URL!, poolSize: 4, sqliteSynchronous: "FULL", countLog: true }, { info() {}, warn() {}, error() {} });
afterAll(async () => (await opened).dialect.lifecycle.closeDatabase());

describe("transactions", () => {
  it("refuse a read outside the transaction from inside it: on a pool it would run on another connection and commit apart", async () => {
    const { dialect } = await opened;
    await expect(dialect.write(async () => dialect.read())).rejects.toThrow(/inside it/);
    await expect(dialect.write(async () => dialect.write(async () => 1))).rejects.toThrow(/inside a write/);
    // The guard is lifted once the transaction is over.
    expect(dialect.read()).toBeDefined();
  });

  it("roll back alone when they fail, beside others that commit with them", async () => {
    const { dialect } = await opened;
    const { auditEvents } = dialect.tables;
    const event = (detail: string) => ({ actor: "test", action: "test", campaignSlug: null, detail, rowCount: 0, createdAt: new Date() });
    const outcomes = await Promise.allSettled([
      dialect.write((tx) => tx.insert(auditEvents).values(event("kept"))),
      dialect.write(async (tx) => {
        await tx.insert(auditEvents).values(event("rolled back"));
        throw new Error("this write fails");
      }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected"]);
    expect((await stores().moderation.listAuditEvents(10)).map((e) => e.detail)).toContain("kept");
    expect((await stores().moderation.listAuditEvents(10)).map((e) => e.detail)).not.toContain("rolled back");
  });

  it("run on the transaction's handle when signing", async () => {
    expect((await signCampaign("white-helmets", { fullName: "Tx Signer", email: "tx@example.org", country: "SY" })).kind).toBe("signed");
  });

  it("let several claimers take the mail queue at once, each message claimed once", async () => {
    for (let i = 0; i < 30; i++) {
      writeRows(
        "insert into outbox (kind, to_address, subject, body, next_attempt_at, created_at) values ('note', ?, 's', 'b', ?, ?)",
        `queued${i}@example.org`,
        new Date(Date.now() - 1000),
        new Date(),
      );
    }
    const claims = await Promise.all(Array.from({ length: 6 }, () => stores().mail.claimDueMail(new Date(), 10, 60_000)));
    const ids = claims.flat().map((message) => message.id);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
  });
});
