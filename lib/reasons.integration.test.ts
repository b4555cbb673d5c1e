import { beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase, storedRow, storedRows } from "@/test/database";
import { liveSnapshot, campaignStanding } from "./campaign-status";
import { eraseSignaturesByEmail } from "./erasure";
import { reasonPage } from "./reason-wall";
import { decideReasons, markReason, reasonQueue, readReasonSettings, saveReasonSettings } from "./reasons";
import { signCampaign } from "./signatures";
import { stores } from "./stores";
import { pdfPages } from "@/test/pdf-text";
import { deliveryReport } from "./delivery-report/delivery-report";
import { reasonExport } from "./reason-export";
import { withdraw, withdrawToken } from "./withdrawals";

const slug = "white-helmets";
const editor = "editor@countersign.example";
let campaignId: number;

/** Signs with a reason (mail is off, so it counts at once) and returns the signature's and the reason's ids. */
async function signWithReason(email: string, comment: string, extra: Record<string, string> = {}) {
  expect(await signCampaign(slug, { fullName: "Amina Khalil", email, country: "SY", comment, ...extra })).toMatchObject({ kind: "signed" });
  const row = storedRow<{ signature_id: number; id: number }>(
    "select r.id, r.signature_id from reasons r join signatures s on s.id = r.signature_id where s.email = ?",
    email,
  );
  return { signatureId: row!.signature_id, reasonId: row!.id };
}

const wall = async () => (await reasonPage(campaignId, "newest", 1)).reasons.map((reason) => reason.text);
const snapshotReasons = async () => {
  const snapshot = await liveSnapshot(slug);
  if (!snapshot || snapshot === "unchanged") throw new Error("no snapshot");
  return snapshot.reasons;
};

beforeAll(async () => {
  await prepareDatabase();
  campaignId = (await campaignStanding(slug))!.id;
});

describe("signers' reasons, approved by an organiser (the default)", () => {
  it("waits unseen until approved, then shows as text with the name only if the signer chose it", async () => {
    const hostile = `<script>alert(1)</script> https://evil.example **bold** لأن الأطفال يستحقون الحياة`;
    const first = await signWithReason("amina@example.org", hostile);
    const second = await signWithReason("raed@example.org", "Because my brother was saved", { reasonWithName: "on" });
    expect(await wall()).toEqual([]);
    expect((await snapshotReasons()).newest).toEqual([]);

    const queued = await reasonQueue(campaignId, "waiting");
    expect(queued.map((reason) => reason.id)).toEqual([second.reasonId, first.reasonId]);
    expect(await decideReasons(slug, campaignId, [first.reasonId, second.reasonId], "approve", editor)).toBe(2);

    const page = await reasonPage(campaignId, "newest", 1);
    expect(page.reasons.map((reason) => [reason.text, reason.name, reason.country])).toEqual([
      ["Because my brother was saved", "Amina K.", "SY"],
      [hostile, null, "SY"],
    ]);
    expect(JSON.stringify(page)).not.toContain("@example.org");
    expect((await snapshotReasons()).newest.map((reason) => reason.id)).toEqual([second.reasonId, first.reasonId]);
    expect(storedRows("select detail, row_count from audit_events where action = 'reason-approve'")).toEqual([{ detail: "approved 2 reasons", row_count: 2 }]);
  });

  it("refuses a reason over 500 characters, with the form's own message", async () => {
    expect(await signCampaign(slug, { fullName: "Lina B", email: "lina@example.org", country: "LB", comment: "x".repeat(501) })).toEqual({
      kind: "invalid",
      errors: { comment: "comment-too-long" },
    });
  });

  it("takes a withdrawn or erased signer's reason off the page and tells the stream which left", async () => {
    const withdrawn = await signWithReason("sami@example.org", "I was there in Aleppo");
    const erased = await signWithReason("nour@example.org", "For my neighbours");
    await decideReasons(slug, campaignId, [withdrawn.reasonId, erased.reasonId], "approve", editor);
    expect(await wall()).toContain("I was there in Aleppo");
    const revision = (await campaignStanding(slug))!.revision;
    // Every process hears that the page changed, not only the count: the page cache drops its copies (server/page-cache.ts).
    const heard: [string | undefined, boolean | undefined][] = [];
    stores().database.onPublicChange((changed, pageChanged) => heard.push([changed, pageChanged]));
    await new Promise((resolve) => setTimeout(resolve, 300));

    await withdraw(withdrawToken(withdrawn.signatureId));
    expect(await wall()).not.toContain("I was there in Aleppo");
    expect(storedRows("select id from reasons where id = ?", withdrawn.reasonId)).toEqual([]);
    expect((await campaignStanding(slug))!.revision).toBeGreaterThan(revision);
    expect((await snapshotReasons()).gone).toContain(withdrawn.reasonId);
    await expect.poll(() => heard, { timeout: 5_000 }).toContainEqual([slug, true]);

    await eraseSignaturesByEmail("nour@example.org", "owner@countersign.example");
    expect(await wall()).not.toContain("For my neighbours");
    expect((await snapshotReasons()).gone).toEqual(expect.arrayContaining([withdrawn.reasonId, erased.reasonId]));
  });

  it("hides, or hides and invalidates the signature, in bulk, and the count drops", async () => {
    const a = await signWithReason("spam1@example.org", "Buy cheap watches");
    const b = await signWithReason("spam2@example.org", "Buy cheap watches again");
    await decideReasons(slug, campaignId, [a.reasonId, b.reasonId], "approve", editor);
    const before = (await campaignStanding(slug))!.signatureCount;

    await decideReasons(slug, campaignId, [a.reasonId], "hide", editor);
    await decideReasons(slug, campaignId, [b.reasonId], "hide-and-invalidate", editor);
    expect(await wall()).not.toContain("Buy cheap watches");
    expect((await snapshotReasons()).gone).toEqual(expect.arrayContaining([a.reasonId, b.reasonId]));
    expect((await campaignStanding(slug))!.signatureCount).toBe(before - 1);
    expect(storedRow<{ status: string }>("select status from signatures where id = ?", b.signatureId)!.status).toBe("invalidated");
    expect((await reasonQueue(campaignId, "hidden")).map((reason) => reason.id)).toEqual([b.reasonId, a.reasonId]);
    expect(storedRows("select detail from audit_events where action = 'reason-hide-and-invalidate'")).toEqual([{ detail: "hid 1 reasons and invalidated 1 signatures" }]);
  });
});

describe("readers' marks", () => {
  it("counts a reader's agreement once, keeping only a keyed hash, and orders the wall by support", async () => {
    const quiet = await signWithReason("q@example.org", "Quietly, yes");
    const loud = await signWithReason("l@example.org", "Loudly, yes");
    await decideReasons(slug, campaignId, [quiet.reasonId, loud.reasonId], "approve", editor);

    expect(await markReason(slug, quiet.reasonId, "agree", "reader-1", "198.51.100.9")).toBe("counted");
    expect(await markReason(slug, quiet.reasonId, "agree", "reader-1", "198.51.100.9")).toBe("repeat");
    expect(await markReason(slug, quiet.reasonId, "agree", "reader-2", "198.51.100.9")).toBe("counted");
    expect(await markReason(slug, 999_999, "agree", "reader-2")).toBe("unknown");

    const supported = await reasonPage(campaignId, "supported", 1);
    expect(supported.reasons[0]).toMatchObject({ id: quiet.reasonId, agrees: 2 });
    const marks = storedRows<{ mark: string }>("select mark from reason_marks where reason_id = ?", quiet.reasonId);
    expect(marks).toHaveLength(2);
    expect(JSON.stringify(marks)).not.toContain("reader-");
  });

  it("holds a reason after enough reports when readers moderate, and the block list holds one at once", async () => {
    await saveReasonSettings(slug, campaignId, { moderation: "report", reportLimit: 2, blockedWords: ["scam", "كذب"] }, editor);
    expect(await readReasonSettings(campaignId)).toEqual({ moderation: "report", reportLimit: 2, blockedWords: ["scam", "كذب"] });
    // Read at most once a second: a fresh read follows the change made here at once.
    const shown = await signWithReason("shown@example.org", "Shown at once");
    const worded = await signWithReason("worded@example.org", "هذا كَذِب");
    expect(await wall()).toContain("Shown at once");
    expect(await wall()).not.toContain("هذا كَذِب");
    expect((await reasonQueue(campaignId, "waiting")).find((reason) => reason.id === worded.reasonId)?.blockedWord).toBe("كذب");

    expect(await markReason(slug, shown.reasonId, "report", "reader-1")).toBe("counted");
    expect(await wall()).toContain("Shown at once");
    expect(await markReason(slug, shown.reasonId, "report", "reader-2")).toBe("counted");
    expect(await wall()).not.toContain("Shown at once");
    expect((await snapshotReasons()).gone).toContain(shown.reasonId);

    // An organiser's approval stands against later reports.
    await decideReasons(slug, campaignId, [shown.reasonId], "approve", editor);
    expect(await markReason(slug, shown.reasonId, "report", "reader-3")).toBe("counted");
    expect(await wall()).toContain("Shown at once");
    await saveReasonSettings(slug, campaignId, { moderation: "approve", reportLimit: 3, blockedWords: [] }, editor);
  });
});

describe("reasons delivered", () => {
  it("go in their own CSV and, when asked, in the delivery report: approved ones only, as the page names them", async () => {
    const approved = await signWithReason("csv1@example.org", "=HYPERLINK(\"https://evil.example\") they saved us", { reasonWithName: "on" });
    await signWithReason("csv2@example.org", "Still waiting for an organiser");
    await decideReasons(slug, campaignId, [approved.reasonId], "approve", editor);

    const csv = (await reasonExport(slug, "owner@countersign.example", new Date("2026-12-07T10:00:00Z")))!;
    expect(csv.filename).toBe("white-helmets-reasons-2026-12-07.csv");
    expect(csv.csv).toContain(`"'=HYPERLINK(""https://evil.example"") they saved us","Amina K., Syria",Syria,SY,0`);
    expect(csv.csv).not.toContain("Still waiting for an organiser");
    expect(csv.csv).not.toContain("@example.org");
    expect(csv.csv).not.toContain("Khalil");

    const pages = async (includeReasons: boolean) => {
      const found = await deliveryReport(slug, { actor: "owner@countersign.example", includeNames: false, includeReasons });
      const parts: Uint8Array[] = [];
      for await (const chunk of found!.chunks) parts.push(chunk);
      return (await pdfPages(Buffer.concat(parts))).join(" ");
    };
    const withReasons = await pages(true);
    expect(withReasons).toContain("Why people signed");
    expect(withReasons).toContain("they saved us");
    expect(withReasons).not.toContain("Still waiting for an organiser");
    expect(await pages(false)).not.toContain("they saved us");
  });
});
