import { stores } from "./stores";
import { beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase, storedRows, writeRows } from "@/test/database";
import { emailDomain, emailKey } from "./domain/email-key";
import { backfillNameKeys } from "./name-key-backfill";
import { newReceiptSalt } from "@/lib/receipts";

let campaignId = 0;

beforeAll(async () => {
  await prepareDatabase();
  campaignId = (await stores().campaigns.readCampaignStanding("white-helmets"))!.id;
});

async function sign(fullName: string, email: string) {
  await stores().signatures.insertSignature({ campaignId, status: "confirmed", fullName, email, emailKey: emailKey(email), emailDomain: emailDomain(email), country: "SY", signedAt: new Date(), receiptSalt: newReceiptSalt() });
}

describe("the name keys of signatures stored before the search", () => {
  it("are written, a batch at a time, so the search finds those signers by name", async () => {
    for (let i = 0; i < 1_005; i++) await sign(i % 2 ? `Zoë Older ${i}` : `نُور Older ${i}`, `older-${i}@example.org`);
    await sign("Zoë Newer", "newer@example.org");
    // As a database migrated from before the column holds them.
    writeRows("update signatures set name_key = null where email like 'older-%'");
    const found = () => stores().signatures.searchSignatures({ campaignId, namePrefix: "zoe" }, { direction: "older", size: 2_000 });
    expect((await found()).rows.map((r) => r.fullName)).toEqual(["Zoë Newer"]);

    expect(await backfillNameKeys()).toBe(1_005);
    expect(storedRows("select id from signatures where name_key is null")).toEqual([]);
    expect(storedRows("select name_key from signatures where email = 'older-2@example.org'")).toEqual([{ name_key: "نور older 2" }]);
    expect((await found()).rows).toHaveLength(503);
    expect(await backfillNameKeys()).toBe(0);
  });
});
