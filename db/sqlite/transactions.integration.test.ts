import { beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/test/database";
import { signCampaign } from "@/lib/signatures";
import { database, inTransaction } from "./client";

beforeAll(prepareDatabase);

describe("queries inside a transaction", () => {
  it("may not reach for the global connection: on a pool that query would commit apart", () => {
    expect(() => inTransaction(() => database())).toThrow(/inside a transaction/);
    // The guard is lifted once the transaction is over.
    expect(database().orm).toBeDefined();
  });

  it("run on the transaction's handle when signing, whose group commit is one", async () => {
    // Confirming, withdrawing and invalidating are held to the same guard in their own tests.
    expect((await signCampaign("white-helmets", { fullName: "Tx Signer", email: "tx@example.org", country: "SY" })).kind).toBe("signed");
  });
});
