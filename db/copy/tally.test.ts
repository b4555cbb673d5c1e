import { describe, expect, it } from "vitest";
import { compareTallies, type CampaignTally, type Tally } from "./tally";

const campaign: CampaignTally = { slug: "white-helmets", kept: 3, counted: 3, keptPending: 1, countedPending: 1, signerNumbersIssued: 5 };
const tally = (change: Partial<CampaignTally> = {}, signatures = 4): Tally => ({
  rows: { petitions: 1, signatures },
  campaigns: [{ ...campaign, ...change }],
});

describe("comparing a copy with its source", () => {
  it("finds nothing when rows and counts agree", () => {
    expect(compareTallies(tally(), tally()).differences).toEqual([]);
  });

  it("names each table, campaign and count that differs", () => {
    expect(compareTallies(tally(), tally({ signerNumbersIssued: 4 }, 3)).differences).toEqual([
      "signatures: 4 rows in SQLite, 3 in PostgreSQL",
      "white-helmets: signer numbers issued 5 in SQLite, 4 in PostgreSQL",
    ]);
  });

  it("says when a side's kept count disagrees with its own rows, even if both sides agree", () => {
    const off = tally({ kept: 4, countedPending: 0 });
    expect(compareTallies(off, off).differences).toEqual([
      "white-helmets: SQLite keeps a count of 4 but holds 3 confirmed rows",
      "white-helmets: SQLite keeps a pending count of 1 but holds 0 pending rows",
      "white-helmets: PostgreSQL keeps a count of 4 but holds 3 confirmed rows",
      "white-helmets: PostgreSQL keeps a pending count of 1 but holds 0 pending rows",
    ]);
  });

  it("says which side a campaign is missing from", () => {
    expect(compareTallies(tally(), { rows: { petitions: 0, signatures: 4 }, campaigns: [] }).differences).toEqual([
      "petitions: 1 rows in SQLite, 0 in PostgreSQL",
      "white-helmets: only in SQLite",
    ]);
  });
});
