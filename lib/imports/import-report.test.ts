import { describe, expect, it } from "vitest";
import { readCsv, type CsvTable } from "./csv-file";
import { buildReport, reportListLimit, type ReportChecks } from "./import-report";

const now = new Date("2026-05-04T12:00:00Z");
const mapping = { fullName: 0, email: 1, country: 2 };

async function table(text: string): Promise<CsvTable> {
  const read = await readCsv(text);
  if (read.kind !== "read") throw new Error(read.problem);
  return read.table;
}

// The campaign has one signer already, and the organisers block one domain.
const checks: ReportChecks = {
  refusal: async (_key, domain) => (domain === "blocked.example" ? "email-blocked" : undefined),
  signedKeys: async (keys) => keys.filter((key) => key === "already@example.org"),
};

const file = [
  "Name,Email,Country",
  "Layla Haddad,layla.haddad@gmail.com,LB", // row 2: imported
  "Sami Nasser,already@example.org,SY", // row 3: has signed the campaign
  "Layla H,LaylaHaddad+again@googlemail.com,LB", // row 4: Layla again, by the email rules
  ",nameless@example.org,FR", // row 5: no name
  "Bad Email,not-an-address,FR", // row 6: bad email
  "Blocked Person,someone@blocked.example,FR", // row 7: blocked
  "Ana Lima,ana@example.org,Brazil", // row 8: imported
].join("\r\n");

describe("the report on a file", () => {
  it("counts and lists invalid rows with their reasons, and duplicates in the file and of signers", async () => {
    const { report, signers } = await buildReport(await table(file), mapping, now, checks);
    expect(report).toMatchObject({ totalRows: 7, validRows: 4, invalidRows: 3, duplicatesInFile: 1, alreadySigned: 1, toImport: 2 });
    expect(report.invalid).toEqual([
      { row: 5, reasons: ["no name"] },
      { row: 6, reasons: ["email is not a valid address"] },
      { row: 7, reasons: ["email is on the block list"] },
    ]);
    expect(report.duplicates).toEqual([
      { row: 3, email: "already@example.org" },
      { row: 4, email: "LaylaHaddad+again@googlemail.com", firstRow: 2 },
    ]);
    expect(signers.map((s) => [s.fullName, s.country])).toEqual([
      ["Layla Haddad", "LB"],
      ["Ana Lima", "BR"],
    ]);
  });

  it("previews the first rows as mapped, with what will become of each", async () => {
    const { report } = await buildReport(await table(file), mapping, now, checks);
    expect(report.preview.map((p) => [p.row, p.fullName, p.country, p.outcome])).toEqual([
      [2, "Layla Haddad", "LB", "import"],
      [3, "Sami Nasser", "SY", "already signed"],
      [4, "Layla H", "LB", "duplicate in file"],
      [5, "", "FR", "invalid"],
      [6, "Bad Email", "FR", "invalid"],
      [7, "Blocked Person", "FR", "invalid"],
      [8, "Ana Lima", "Brazil", "import"],
    ]);
  });

  it("lists only so many rows, but counts them all", async () => {
    const rows = Array.from({ length: reportListLimit + 50 }, (_, i) => `Person ${i},bad-${i},FR`);
    const { report } = await buildReport(await table(["Name,Email,Country", ...rows].join("\n")), mapping, now, checks);
    expect(report.invalidRows).toBe(reportListLimit + 50);
    expect(report.invalid).toHaveLength(reportListLimit);
    expect(report.preview).toHaveLength(10);
  });
});
