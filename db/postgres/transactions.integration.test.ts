import { beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase, writeRows } from "@/test/database";
import { database, inTransaction } from "./client";
import { claimDueMail } from "./outbox-store";

beforeAll(prepareDatabase);

describe("transactions on PostgreSQL", () => {
  it("refuse a query on the pool inside a transaction: it would run on another connection and commit apart", async () => {
    await expect(inTransaction(async () => database())).rejects.toThrow(/inside a transaction/);
    expect(database().pool).toBeDefined();
  });

  it("let several processes claim the mail queue at once, each message claimed once", async () => {
    for (let i = 0; i < 30; i++) {
      writeRows(
        "insert into outbox (kind, to_address, subject, body, next_attempt_at, created_at) values ('note', ?, 's', 'b', ?, ?)",
        `queued${i}@example.org`,
        new Date(Date.now() - 1000),
        new Date(),
      );
    }
    const claims = await Promise.all(Array.from({ length: 6 }, () => claimDueMail(new Date(), 10, 60_000)));
    const ids = claims.flat().map((message) => message.id);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
  });
});
