import { statSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/test/database";
import { signatureExport } from "@/lib/signature-export";
import { signCampaign } from "@/lib/signatures";
import { databasePath } from "./connection";
import { exportPageSize } from "./csv-export";

const slug = "white-helmets";
const walBytes = () => {
  try {
    return statSync(`${databasePath(process.env.DATABASE_URL!)}-wal`).size;
  } catch {
    return 0;
  }
};

beforeAll(async () => {
  await prepareDatabase();
  for (let i = 0; i < exportPageSize + 500; i++) {
    await signCampaign(slug, { fullName: `Signer ${i}`, email: `signer${i}@example.org`, country: "DE" });
  }
});

describe("an export on SQLite", () => {
  it("reads in short ranges, so the WAL is checkpointed while signing goes on, rather than growing", async () => {
    const found = await signatureExport(slug, { actor: "organiser@example.org" });
    let added = 0;
    let largestWal = 0;
    // Between every chunk the export hands on, 400 more signatures.
    while (!(await found!.chunks.next()).done) {
      for (let i = 0; i < 400; i++) {
        expect((await signCampaign(slug, { fullName: "During Export", email: `during${added++}@example.org`, country: "FR" })).kind).toBe("signed");
      }
      largestWal = Math.max(largestWal, walBytes());
    }
    expect(added).toBeGreaterThanOrEqual(800);
    // SQLite checkpoints at 1,000 pages (4 MB) unless a reader holds an old snapshot open.
    expect(largestWal).toBeLessThan(6 * 1024 * 1024);
  });
});
