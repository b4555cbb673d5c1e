import { sha256 } from "@noble/hashes/sha2";
import { describe, expect, it } from "vitest";
import { emailKey } from "@/lib/domain/email-key";
import { toHex } from "./bytes";
import { checkReceipt, verifyReceiptProof, type ReceiptCheck, type ReceiptProof } from "./receipt";
import { buildReferenceLog, makeSigningKey, referenceFetch, referenceKeyId, signatureLine, syntheticLines, type ReferenceLog } from "./reference-log";

const site = "https://example.test";
const slug = "white-helmets";
const origin = `example.test/log/${slug}`;
const key = makeSigningKey(origin);
const email = "Amal.Haddad@example.org";
const saltHex = "5a".repeat(32);

/** The signer's commitment by its definition. */
function commitmentOf(address: string, logOrigin = origin): string {
  const text = (s: string) => new TextEncoder().encode(s);
  const salt = Uint8Array.from({ length: 32 }, () => 0x5a);
  return toHex(sha256(new Uint8Array([...text(`countersign-commitment-v1\n${logOrigin}\n`), ...salt, ...text(`\n${emailKey(address)}`)])));
}

const countOf = (lines: string[]) => Number(lines.at(-1)?.split(" ").at(-1) ?? 0);
const withAdd = (lines: string[], commitment: string) => [...lines, `add 29600700 SY email ${commitment} ${countOf(lines) + 1}`];
const withRemove = (lines: string[], target: number) => [...lines, `remove 29600800 ${target} withdrawn ${countOf(lines) - 1}`];

const before = syntheticLines(600);
const ours = withAdd(before, commitmentOf(email));

function logOf(lines: string[]): ReferenceLog {
  return buildReferenceLog(lines, key);
}

/** A log of `lines` whose counts are made right by adding only: each later line becomes an add. */
function padded(lines: string[], extra: number): string[] {
  let all = lines;
  for (let i = 0; i < extra; i++) all = withAdd(all, toHex(sha256(new TextEncoder().encode(`other ${i}`))));
  return all;
}

const check = (log: ReferenceLog, options: { address?: string; logUrl?: string; salt?: string } = {}) =>
  checkReceipt({ logUrl: options.logUrl ?? `/log/${slug}`, email: options.address ?? email, saltHex: options.salt ?? saltHex, fetch: referenceFetch(site, slug, () => log) });

function included(result: ReceiptCheck) {
  if (result.kind !== "included") throw new Error(`Expected included, got ${JSON.stringify(result)}`);
  return result;
}

describe("checking a receipt", () => {
  // 600 others, our signer at index 600, then 199 more: a full bundle holds the entry, and the
  // tree of 800 has partial tiles at levels 0 and 1.
  const log = logOf(padded(ours, 199));

  it("finds the signer's entry and proves it is in the signed log", async () => {
    const result = included(await check(log));
    expect(result).toMatchObject({ index: 600, count: countOf(ours), minute: 29600700, how: "email", treeSize: 800, removedBy: null });
    expect(result.entry).toBe(ours[600]);
    expect(result.rootHash).toBe(btoa(String.fromCharCode(...log.root)));
    expect(result.proof).toMatchObject({ format: "countersign-receipt-v1", origin, index: 600, entry: ours[600], checkpoint: log.checkpoint });
    expect(result.proof.inclusion.length).toBeGreaterThan(5);
  });

  it("proves an entry in the last, partial bundle, from an absolute log URL, however the address is typed", async () => {
    const last = logOf(withAdd(before, commitmentOf(email)));
    const result = included(await check(last, { logUrl: `${site}/log/${slug}/`, address: "  amal.haddad@EXAMPLE.org" }));
    expect([result.index, result.treeSize]).toEqual([600, 601]);
  });

  it("gives a downloaded proof that checks out offline, and one altered in any part that does not", async () => {
    const { proof } = included(await check(log));
    const reread = JSON.parse(JSON.stringify(proof)) as ReceiptProof;
    expect(verifyReceiptProof(reread)).toMatchObject({ kind: "included", index: 600, treeSize: 800, removedBy: null });
    const alterations: ReceiptProof[] = [
      { ...proof, entry: proof.entry.replace(/ (\d+)$/, (_, n: string) => ` ${Number(n) + 1}`) },
      { ...proof, index: 601 },
      { ...proof, inclusion: proof.inclusion.slice(1) },
      { ...proof, inclusion: [proof.inclusion[1]!, proof.inclusion[0]!, ...proof.inclusion.slice(2)] },
      { ...proof, inclusion: ["not base64", ...proof.inclusion.slice(1)] },
      { ...proof, checkpoint: proof.checkpoint.replace("\n800\n", "\n801\n") },
      { ...proof, origin: "example.test/log/other" },
      { ...proof, vkey: proof.vkey.replace(/\+[0-9a-f]{8}\+/, "+00000000+") },
      { ...proof, format: "countersign-receipt-v2" } as unknown as ReceiptProof,
    ];
    for (const altered of alterations) expect(verifyReceiptProof(altered).kind, JSON.stringify(altered).slice(0, 200)).toBe("failed");
  });

  it("proves a withdrawal the site reports, and fails when the entry it names is not that withdrawal", async () => {
    const removed = logOf(padded(withRemove(padded(ours, 50), 600), 10));
    const result = included(await check(removed));
    expect(result.removedBy).toBe(651);
    const lying = logOf(padded(ours, 60));
    lying.lookups.set(commitmentOf(email), { index: 600, removedBy: 640 });
    expect(await check(lying)).toEqual({ kind: "failed", reason: expect.stringMatching(/entry 640, said to remove this signature, is "add /) });
    lying.lookups.set(commitmentOf(email), { index: 600, removedBy: 599 });
    expect(await check(lying)).toEqual({ kind: "failed", reason: expect.stringMatching(/a remove comes after what it removes/) });
  });

  it("says not yet when the site has not sequenced the signature, or no signed checkpoint covers it", async () => {
    const unsequenced = logOf(padded(before, 3));
    unsequenced.lookups.set(commitmentOf(email), { index: null, removedBy: null });
    expect(await check(unsequenced)).toEqual({ kind: "not-yet" });
    const older = logOf(before);
    const newer = logOf(ours);
    const lagging: ReferenceLog = { ...newer, files: older.files };
    expect(await check(lagging)).toEqual({ kind: "not-yet" });
  });

  it("says not found for another address, or a campaign without a log", async () => {
    expect(await check(log, { address: "someone.else@example.org" })).toEqual({ kind: "not-found" });
    const elsewhere = checkReceipt({ logUrl: "/log/other-campaign", email, saltHex, fetch: referenceFetch(site, slug, () => log) });
    expect(await elsewhere).toEqual({ kind: "not-found" });
  });

  it("fails when the bundle's entry differs from what the tiles and checkpoint prove", async () => {
    const tampered: ReferenceLog = { ...log, files: new Map(log.files) };
    const bundle = tampered.files.get("tile/entries/002")!.slice();
    const at = new TextDecoder().decode(bundle).indexOf(commitmentOf(email));
    bundle[at + 64 + 1] = bundle[at + 64 + 1] === 0x31 ? 0x32 : 0x31;
    tampered.files.set("tile/entries/002", bundle);
    expect(await check(tampered)).toEqual({ kind: "failed", reason: "the tiles do not lead from entry 600 to the checkpoint's root" });
  });

  it("fails when a tile is wrong, missing or cut short", async () => {
    for (const change of [(t: Uint8Array) => t.map((b, i) => (i === 0 ? b ^ 1 : b)), (t: Uint8Array) => t.subarray(1), () => null]) {
      const files = new Map(log.files);
      const tile = change(files.get("tile/1/000.p/3")!);
      if (tile) files.set("tile/1/000.p/3", tile);
      else files.delete("tile/1/000.p/3");
      expect((await check({ ...log, files })).kind).toBe("failed");
    }
  });

  it("fails when the lookup points at someone else's entry", async () => {
    const wrong: ReferenceLog = { ...log, lookups: new Map(log.lookups) };
    wrong.lookups.set(commitmentOf(email), { index: 599, removedBy: null });
    expect(await check(wrong)).toEqual({ kind: "failed", reason: expect.stringMatching(/^entry 599 is "(add|remove) .*", not an add with this signature's commitment/) });
  });

  it("fails when the checkpoint is not signed by the log's key, or the log is signed as another campaign's", async () => {
    const forger = makeSigningKey(origin, new Uint8Array(32).fill(3));
    const unsigned: ReferenceLog = { ...log, files: new Map(log.files) };
    unsigned.files.set("checkpoint", buildReferenceLog(log.lines, forger).files.get("checkpoint")!);
    expect(await check(unsigned)).toEqual({ kind: "failed", reason: expect.stringMatching(/^no signature by example.test\/log\/white-helmets/) });
    const forged: ReferenceLog = { ...log, files: new Map(log.files) };
    const text = log.checkpoint.slice(0, log.checkpoint.indexOf("\n\n") + 1);
    forged.files.set("checkpoint", new TextEncoder().encode(`${text}\n${signatureLine(text, forger, referenceKeyId(key.name, key.publicKey))}`));
    expect(await check(forged)).toEqual({ kind: "failed", reason: `signature line 1, by ${origin}, does not verify` });

    const otherKey = makeSigningKey("example.test/log/other");
    const other = buildReferenceLog(padded(withAdd(before, commitmentOf(email, otherKey.name)), 1), otherKey);
    expect(await check(other)).toEqual({ kind: "failed", reason: expect.stringMatching(/another campaign's/) });
  });

  it("fails with the reason when the site cannot be reached or answers with an error", async () => {
    const down: typeof fetch = async () => {
      throw new TypeError("fetch failed");
    };
    expect(await checkReceipt({ logUrl: `/log/${slug}`, email, saltHex, fetch: down })).toEqual({ kind: "failed", reason: `could not read the log at /log/${slug}: fetch failed` });
    const broken: typeof fetch = async () => new Response("oops", { status: 500, statusText: "Internal Server Error" });
    expect(await checkReceipt({ logUrl: `/log/${slug}`, email, saltHex, fetch: broken })).toEqual({
      kind: "failed",
      reason: `could not read the log at /log/${slug}: GET /log/${slug}/vkey answered 500 Internal Server Error`,
    });
  });

  it("refuses a malformed salt before asking the site anything", async () => {
    let asked = 0;
    const counting: typeof fetch = async () => {
      asked++;
      return new Response("", { status: 404 });
    };
    await expect(checkReceipt({ logUrl: `/log/${slug}`, email, saltHex: "5a".repeat(31), fetch: counting })).rejects.toThrow(/salt must be 64 hex digits/);
    expect(asked).toBe(0);
  });
});
