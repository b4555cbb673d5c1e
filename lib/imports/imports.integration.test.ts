import { stores } from "@/lib/stores";
import { beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase, storedRow, storedRows, writeRows } from "@/test/database";
import { liveSnapshot, campaignStatus } from "../campaign-status";
import { signCampaign } from "../signatures";
import { importHistory } from "./import-history";
import { expireStagedImports, importBatchRows, openImport, previewImport, runImport, stageImport, undoImport } from "./imports";

const slug = "white-helmets";
const owner = "owner@countersign.example";
const bytes = (text: string) => new TextEncoder().encode(text);
const mapping = { fullName: "0", email: "1", country: "2", signedAt: "3", wantsUpdates: "4", showName: "5" };

// Gathered on another platform: three new signers, Omar (who has signed here) under another
// spelling, a new signer twice, a bad address and a missing name.
const file = [
  "\uFEFFName;Email;Country;Date;Opt-in;Public",
  "Rana Khalil;rana@example.org;Syria;2024-03-01 09:30;yes;yes",
  "Jonas Berg;jonas@example.org;SE;2024-03-02;no;",
  "OMAR NASSAR;Omar@EXAMPLE.org;SY;2024-03-03;;",
  "Mei Chen;mei@example.org;Taiwan;;yes;no",
  "Rana K.;RANA@example.org;SY;2024-03-04;;",
  "Broken Address;broken-at-example.org;FR;;;",
  ";nameless@example.org;FR;;;",
].join("\r\n");

const counted = async () => (await stores().campaigns.recountCampaigns()).find((r) => r.slug === slug)!;
const signaturesOf = (importId: number) => storedRows<{ status: string; full_name: string }>("select * from signatures where import_id = ? order by id", importId);
const listedNames = async () => {
  const snapshot = await liveSnapshot(slug);
  if (!snapshot || snapshot === "unchanged") throw new Error("the campaign should have a snapshot");
  return snapshot.recentSigners.map((s) => s.name);
};

async function stage(text: string, name = "other-platform.csv") {
  const staged = await stageImport(slug, { name, bytes: bytes(text) }, owner);
  if (staged.kind !== "staged") throw new Error(`expected the file staged, got ${JSON.stringify(staged)}`);
  return staged.importId;
}

async function signerNumber(email: string): Promise<number> {
  const outcome = await signCampaign(slug, { fullName: "Counting Signer", email, country: "IS" });
  if (outcome.kind !== "signed") throw new Error(`expected signed, got ${outcome.kind}`);
  return outcome.signerNumber;
}

beforeAll(async () => {
  await prepareDatabase();
  expect((await signCampaign(slug, { fullName: "Omar Nassar", email: "omar@example.org", country: "SY", showName: "on" })).kind).toBe("signed");
});

describe("importing signatures gathered elsewhere", () => {
  let importId: number;
  let before: { here: number; number: number };

  it("stages the file in the database and guesses its columns, storing no signature", async () => {
    const number = await signerNumber("before-import@example.org");
    before = { here: (await campaignStatus(slug))!.signaturesHere, number };
    importId = await stage(file);
    const opened = await openImport(slug, importId);
    expect(opened?.record).toMatchObject({ status: "staged", fileName: "other-platform.csv", totalRows: 7, createdBy: owner });
    expect(opened?.staged?.guessed).toEqual({ fullName: 0, email: 1, country: 2, signedAt: 3, wantsUpdates: 4, showName: 5 });
    expect(storedRow<{ staged_csv: string }>("select staged_csv from signature_imports where id = ?", importId)?.staged_csv).toBe(file.slice(1));
    expect((await campaignStatus(slug))!.signaturesHere).toBe(before.here);
  });

  it("reports invalid rows with their reasons and duplicates by the signing form's email rules, still storing nothing", async () => {
    const preview = await previewImport(slug, importId, mapping);
    if (preview.kind !== "report") throw new Error(`expected a report, got ${preview.kind}`);
    expect(preview.report).toMatchObject({ totalRows: 7, validRows: 5, invalidRows: 2, duplicatesInFile: 1, alreadySigned: 1, toImport: 3 });
    expect(preview.report.invalid).toEqual([
      { row: 7, reasons: ["email is not a valid address"] },
      { row: 8, reasons: ["no name"] },
    ]);
    expect(preview.report.duplicates).toEqual([
      { row: 4, email: "Omar@EXAMPLE.org" },
      { row: 6, email: "RANA@example.org", firstRow: 2 },
    ]);
    expect(await previewImport(slug, importId, { ...mapping, email: "" })).toEqual({
      kind: "invalid-mapping",
      errors: { email: "Choose the column that holds each signer's email." },
    });
    expect(signaturesOf(importId)).toEqual([]);
  });

  it("stores the valid unique rows as confirmed, marked with the import, and moves the count and signer numbers by exactly them", async () => {
    const outcome = await runImport(slug, importId, mapping, owner);
    expect(outcome).toMatchObject({
      kind: "imported",
      record: { status: "imported", totalRows: 7, validRows: 5, invalidRows: 2, duplicateRows: 2, importedRows: 3 },
    });
    const rows = storedRows<Record<string, unknown>>("select * from signatures where import_id = ? order by id", importId);
    expect(rows.map((r) => [r.full_name, r.country, r.status])).toEqual([
      ["Rana Khalil", "SY", "confirmed"],
      ["Jonas Berg", "SE", "confirmed"],
      ["Mei Chen", "TW", "confirmed"],
    ]);
    // Counted, but never confirmed by email here: the delivery report keeps them on a line of their own.
    expect(rows.every((r) => r.confirmed_at === null && r.client_address === null)).toBe(true);
    // Found by the signature search's name start at once, not only after the periodic backfill.
    expect(rows.map((r) => r.name_key)).toEqual(["rana khalil", "jonas berg", "mei chen"]);
    expect((await stores().charts.countVerification((await stores().campaigns.readCampaignStanding(slug))!.id)).imported).toBe(3);
    // Omar's own signature stays as he made it.
    expect(storedRows("select full_name, import_id from signatures where email_key = 'omar@example.org'")).toEqual([{ full_name: "Omar Nassar", import_id: null }]);

    expect((await campaignStatus(slug))!.signaturesHere).toBe(before.here + 3);
    const recount = await counted();
    expect(recount).toMatchObject({ kept: recount.counted, keptPending: recount.countedPending, logged: recount.counted });
    expect(await signerNumber("after-import@example.org")).toBe(before.number + 3 + 1);
    expect((await importHistory(slug))?.imported).toBe(3);
  });

  it("sends no email, keeps the file no longer, and is audited", async () => {
    expect(storedRows("select * from outbox")).toEqual([]);
    expect(storedRow<{ staged_csv: string | null }>("select staged_csv from signature_imports where id = ?", importId)?.staged_csv).toBeNull();
    expect(storedRows("select actor, action, petition_slug, row_count from audit_events where action = 'import'")).toEqual([
      { actor: owner, action: "import", petition_slug: slug, row_count: 3 },
    ]);
  });

  it("lists an imported signer publicly only when the file said they agreed", async () => {
    const names = await listedNames();
    expect(names).toContain("Rana K.");
    expect(names).not.toContain("Jonas B.");
    expect(names).not.toContain("Mei C.");
  });

  it("cannot run twice", async () => {
    expect(await runImport(slug, importId, mapping, owner)).toEqual({ kind: "gone" });
    expect(await previewImport(slug, importId, mapping)).toEqual({ kind: "gone" });
    expect(signaturesOf(importId)).toHaveLength(3);
  });

  it("is undone whole: exactly its rows deleted, the counts as they were, audited", async () => {
    const status = await stores().campaigns.readCampaignStanding(slug);
    expect(await undoImport(slug, importId, owner)).toEqual({ kind: "undone", removed: 3 });
    expect(signaturesOf(importId)).toEqual([]);
    // The signer who came after the import is still counted.
    expect((await campaignStatus(slug))!.signaturesHere).toBe(status!.signatureCount - 3);
    expect((await campaignStatus(slug))!.signaturesHere).toBe(before.here + 1);
    const recount = await counted();
    expect(recount).toMatchObject({ kept: recount.counted, keptPending: recount.countedPending, logged: recount.counted });
    expect(storedRows("select email from signatures where email_key = 'omar@example.org'")).toHaveLength(1);
    expect(await listedNames()).not.toContain("Rana K.");
    expect((await importHistory(slug))?.imported).toBe(0);
    expect((await openImport(slug, importId))?.record).toMatchObject({ status: "undone", importedRows: 3 });
    expect(storedRows("select row_count from audit_events where action = 'undo-import'")).toEqual([{ row_count: 3 }]);
    expect(await undoImport(slug, importId, owner)).toEqual({ kind: "gone" });
  });

  it("stores and undoes a larger file a range at a time", async () => {
    const many = Array.from({ length: importBatchRows * 2 + 100 }, (_, i) => `Signer ${i};signer-${i}@bulk.example;DE;;;`);
    const bulk = await stage(["Name;Email;Country;Date;Opt-in;Public", ...many].join("\n"), "bulk.csv");
    const here = (await campaignStatus(slug))!.signaturesHere;
    expect(await runImport(slug, bulk, mapping, owner)).toMatchObject({ kind: "imported", record: { importedRows: many.length } });
    expect((await campaignStatus(slug))!.signaturesHere).toBe(here + many.length);
    expect(await undoImport(slug, bulk, owner)).toEqual({ kind: "undone", removed: many.length });
    expect((await campaignStatus(slug))!.signaturesHere).toBe(here);
    const recount = await counted();
    expect(recount).toMatchObject({ kept: recount.counted, keptPending: recount.countedPending, logged: recount.counted });
  });
});

describe("an undo that begins while an import runs", () => {
  it("stops the import's next range, and removes every row it had stored", async () => {
    const here = (await campaignStatus(slug))!.signaturesHere;
    const running = await stage(file, "interrupted.csv");
    expect(await stores().imports.beginSignatureImport(running, "{}", { totalRows: 2, validRows: 2, invalidRows: 0 })).toBe(true);
    const signer = (name: string) => ({
      fullName: name,
      email: `${name}@interrupted.example`,
      emailKey: `${name}@interrupted.example`,
      emailDomain: "interrupted.example",
      country: "FR",
      showName: false,
      wantsUpdates: false,
      signedAt: new Date(),
    });
    expect(await stores().imports.insertImportedSignatures(running, [signer("first")], new Date())).toEqual({ kind: "stored", inserted: 1 });
    expect(await stores().imports.beginUndoSignatureImport(running)).toBe(true);
    expect(await stores().imports.insertImportedSignatures(running, [signer("second")], new Date())).toEqual({ kind: "stopped" });
    expect(await runImport(slug, running, mapping, owner)).toEqual({ kind: "gone" });

    expect(await undoImport(slug, running, owner)).toEqual({ kind: "undone", removed: 1 });
    expect(storedRows("select id from signatures where email_domain = 'interrupted.example'")).toEqual([]);
    expect((await campaignStatus(slug))!.signaturesHere).toBe(here);
    const recount = await counted();
    expect(recount).toMatchObject({ kept: recount.counted, keptPending: recount.countedPending, logged: recount.counted });
  });
});

describe("files that are not imported", () => {
  it("are refused with a reason, and nothing is staged", async () => {
    const before = storedRows("select id from signature_imports").length;
    expect(await stageImport(slug, { name: "photo.png", bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]) }, owner)).toEqual({ kind: "refused", problem: "not-csv" });
    expect(await stageImport(slug, { name: "one.csv", bytes: bytes("Name,Email,Country\n") }, owner)).toEqual({ kind: "refused", problem: "no-rows" });
    expect(await stageImport("no-such-campaign", { name: "a.csv", bytes: bytes(file) }, owner)).toEqual({ kind: "not-found" });
    expect(storedRows("select id from signature_imports")).toHaveLength(before);
  });

  it("are deleted with their data once they have waited a day", async () => {
    const waiting = await stage(file, "forgotten.csv");
    expect(await expireStagedImports(new Date(Date.now() + 23 * 60 * 60 * 1000))).toBe(0);
    expect(await expireStagedImports(new Date(Date.now() + 25 * 60 * 60 * 1000))).toBe(1);
    expect(storedRows("select id from signature_imports where id = ?", waiting)).toEqual([]);
    // Imports that ran are history, and stay.
    expect(storedRows("select status from signature_imports order by id")).toEqual([{ status: "undone" }, { status: "undone" }, { status: "undone" }]);
  });

  it("belong to their campaign only", async () => {
    const waiting = await stage(file);
    expect(await openImport("clean-water", waiting)).toBeUndefined();
    expect(await undoImport("clean-water", waiting, owner)).toEqual({ kind: "gone" });
  });
});

describe("a person who signs here after their address was imported", () => {
  it("keeps their signature when the import is undone, and is answered as any signer is", async () => {
    const imported = await stage("Name;Email;Country\nLina Saleh;lina@claimed.example;LB\nKarim Aziz;karim@claimed.example;EG", "claimed.csv");
    expect(await runImport(slug, imported, { fullName: "0", email: "1", country: "2" }, owner)).toMatchObject({ record: { importedRows: 2 } });
    const here = (await campaignStatus(slug))!.signaturesHere;

    // Signing again with the imported address: the answer a first signature gets, and no count moves.
    const outcome = await signCampaign(slug, { fullName: "Lina Saleh", email: "Lina@claimed.example", country: "LB" });
    expect(outcome.kind).toBe("signed");
    expect((await campaignStatus(slug))!.signaturesHere).toBe(here);
    expect(outcome.kind === "signed" && outcome.signerNumber).toBe(await signerNumber("after-claim@example.org"));

    expect(await undoImport(slug, imported, owner)).toEqual({ kind: "undone", removed: 1 });
    expect(storedRows("select email_key, status from signatures where email_domain = 'claimed.example'")).toEqual([
      { email_key: "lina@claimed.example", status: "confirmed" },
    ]);
    // Karim's imported row went; Lina and the signer after her stay.
    expect((await campaignStatus(slug))!.signaturesHere).toBe(here);
    const recount = await counted();
    expect(recount).toMatchObject({ kept: recount.counted, keptPending: recount.countedPending, logged: recount.counted });
  });
});

describe("imported signers' language", () => {
  it("is the campaign's own, so their emails come in it", async () => {
    writeRows("update petitions set locale = 'ar' where slug = ?", slug);
    try {
      const arabic = await stage("Name;Email;Country\nHala Darwish;hala@arabic.example;SY", "arabic.csv");
      expect(await runImport(slug, arabic, { fullName: "0", email: "1", country: "2" }, owner)).toMatchObject({ record: { importedRows: 1 } });
      expect(storedRows("select locale from signatures where import_id = ?", arabic)).toEqual([{ locale: "ar" }]);
    } finally {
      writeRows("update petitions set locale = 'en' where slug = ?", slug);
    }
  });
});

describe("an import cut short and left for a day", () => {
  it("loses its file of names and addresses, and can still be undone", async () => {
    const cutShort = await stage(file, "crashed.csv");
    expect(await stores().imports.beginSignatureImport(cutShort, "{}", { totalRows: 7, validRows: 5, invalidRows: 0 })).toBe(true);
    const signer = {
      fullName: "Nour Haddad",
      email: "nour@crashed.example",
      emailKey: "nour@crashed.example",
      emailDomain: "crashed.example",
      country: "JO",
      showName: false,
      wantsUpdates: false,
      signedAt: new Date(),
    };
    expect(await stores().imports.insertImportedSignatures(cutShort, [signer], new Date())).toEqual({ kind: "stored", inserted: 1 });
    const fileOf = () => storedRow<{ staged_csv: string | null }>("select staged_csv from signature_imports where id = ?", cutShort)?.staged_csv;

    await expireStagedImports(new Date(Date.now() + 23 * 60 * 60 * 1000));
    expect(fileOf()).toBe(file.slice(1));
    await expireStagedImports(new Date(Date.now() + 25 * 60 * 60 * 1000));
    expect(fileOf()).toBeNull();
    expect((await openImport(slug, cutShort))?.record).toMatchObject({ status: "importing", importedRows: 1 });

    const here = (await campaignStatus(slug))!.signaturesHere;
    expect(await undoImport(slug, cutShort, owner)).toEqual({ kind: "undone", removed: 1 });
    expect(storedRows("select id from signatures where email_domain = 'crashed.example'")).toEqual([]);
    expect((await campaignStatus(slug))!.signaturesHere).toBe(here - 1);
  });
});
