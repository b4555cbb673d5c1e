import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase, storedRows } from "@/test/database";
import { campaignStatus } from "../campaign-status";
import { entriesLevel, tileWidth } from "../domain/count-log";
import { eraseSignaturesByEmail } from "../erasure";
import { invalidate, signatureChoice } from "../moderation";
import { signCampaign } from "../signatures";
import { stores } from "../stores";
import { withdraw } from "../withdrawals";
import { logStanding } from "./count-check";
import { publicLogFile } from "./public-log";
import { logSequencer, logWriter } from "./sequencer";

const slug = "white-helmets";
const campaignId = async () => (await stores().campaigns.readCampaignStanding(slug))!.id;

/** The log's entries as its bundles hold them, read back from what is stored. */
async function storedEntries(id: number, size: number): Promise<string[]> {
  const lines: string[] = [];
  for (let index = 0; index * tileWidth < size; index++) {
    const bundle = (await stores().countLog.readTile(id, entriesLevel, index))!;
    for (let at = 0; at < bundle.data.length; ) {
      const length = (bundle.data[at]! << 8) | bundle.data[at + 1]!;
      lines.push(Buffer.from(bundle.data.subarray(at + 2, at + 2 + length)).toString("ascii"));
      at += 2 + length;
    }
  }
  return lines;
}

// RFC 6962's tree hash by its plain recursive definition, apart from the writer's frontier and tiles.
const sha = (...parts: Uint8Array[]) => parts.reduce((h, p) => h.update(p), createHash("sha256")).digest();
function treeHash(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return sha();
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return sha(Buffer.of(1), treeHash(leaves.slice(0, k)), treeHash(leaves.slice(k)));
}

beforeAll(prepareDatabase);

describe("the count log's writer", () => {
  it("logs every signature that starts or stops counting, and its count agrees with the campaign's at every entry", async () => {
    const tokens: string[] = [];
    for (let i = 0; i < 300; i++) {
      const outcome = await signCampaign(slug, { fullName: `Signer ${i}`, email: `signer.${i}@log.example`, country: i % 3 ? "SY" : "TR" }, { clientAddress: i < 5 ? "203.0.113.77" : undefined });
      if (outcome.kind !== "signed") throw new Error(`signature ${i} was not counted: ${outcome.kind}`);
      tokens.push(outcome.withdrawToken);
    }
    await logSequencer().catchUp();
    await withdraw(tokens[10]!);
    await eraseSignaturesByEmail("signer.11@log.example", "test");
    expect(await invalidate(slug, signatureChoice.parse({ clientAddress: "203.0.113.77" }), "test")).toBe(5);
    await logSequencer().catchUp();

    const id = await campaignId();
    const log = (await stores().countLog.readLog(id))!;
    const here = (await campaignStatus(slug))!.signaturesHere;
    expect(log.count).toBe(here);
    expect(log.size).toBe(300 + 7);
    const lines = await storedEntries(id, log.size);
    expect(lines).toHaveLength(log.size);
    expect(lines[0]).toMatch(/^add \d+ TR open [0-9a-f]{64} 1$/);
    expect(lines.slice(300)).toEqual([
      expect.stringMatching(/^remove \d+ 10 withdrawn 299$/),
      expect.stringMatching(/^remove \d+ 11 erased 298$/),
      ...[0, 1, 2, 3, 4].map((n, i) => expect.stringMatching(new RegExp(`^remove \\d+ ${n} invalidated ${297 - i}$`))),
    ]);
    expect(log.stats).toEqual({ byHow: { open: here }, byCountry: { SY: expect.any(Number), TR: expect.any(Number) }, byDay: { [new Date().toISOString().slice(0, 10)]: here } });

    const leaves = lines.map((line) => sha(Buffer.of(0), Buffer.from(line, "ascii")));
    const level0 = Buffer.concat([(await stores().countLog.readTile(id, 0, 0))!.data, (await stores().countLog.readTile(id, 0, 1))!.data]);
    expect(level0.equals(Buffer.concat(leaves))).toBe(true);
    expect(Buffer.from((await stores().countLog.readTile(id, 1, 0))!.data).equals(treeHash(leaves.slice(0, 256)))).toBe(true);
    const [, size, root] = log.checkpoint.split("\n");
    expect(Number(size)).toBe(log.size);
    expect(Buffer.from(root!, "base64").equals(treeHash(leaves))).toBe(true);
  });

  it("serves a full tile only once it is full, and a partial one at any width it has reached", async () => {
    // 307 entries: tile 0 full, tile 1 holding 51.
    const length = async (path: string) => {
      const file = await publicLogFile(slug, path);
      return file.kind === "file" ? file.body.length : file.kind;
    };
    expect(await length("tile/0/000")).toBe(256 * 32);
    expect(await length("tile/0/000.p/10")).toBe(10 * 32);
    expect(await length("tile/0/001.p/51")).toBe(51 * 32);
    expect(await length("tile/0/001.p/52")).toBe("not-found");
    expect(await length("tile/0/001")).toBe("not-found");
    expect(await length("tile/1/000.p/1")).toBe(32);
    expect(await length("tile/0/0001")).toBe("bad-path");
    const bundle = await publicLogFile(slug, "tile/entries/001.p/2");
    if (bundle.kind !== "file" || typeof bundle.body === "string") throw new Error("no bundle");
    const first = Buffer.from(bundle.body);
    expect(first.subarray(2, 2 + first.readUInt16BE(0)).toString("ascii")).toMatch(/^add \d+ (SY|TR) open [0-9a-f]{64} 257$/);
  });

  it("keeps no waiting entry once caught up, and finds an add by its commitment", async () => {
    const id = await campaignId();
    expect(await stores().countLog.countWaiting(id)).toBe(0);
    const [row] = storedRows<{ commitment: string; position: number }>("select commitment, position from log_entries where position = 0");
    expect(await stores().countLog.findCommitment(id, row!.commitment)).toEqual({ position: 0, removedBy: 306 - 4 });
  });

  it("places every entry once when sequencers race, as several processes' do", async () => {
    for (let i = 0; i < 120; i++) await signCampaign(slug, { fullName: `Racer ${i}`, email: `racer.${i}@log.example`, country: "JO" });
    const before = (await stores().countLog.readLog(await campaignId()))!;
    // The dashboard's view of the lag: the count moved by 120, the log not yet.
    expect(await logStanding(await campaignId())).toEqual({ size: before.size, count: before.count, waiting: 120, checkpointAt: before.sequencedAt });
    // Each call its own transaction on its own connection (PostgreSQL's pool): each reads the same entries waiting, one
    // writes its batch, and one that finds the log moved on since it read drops its own.
    const placed = await Promise.all(Array.from({ length: 6 }, () => stores().countLog.sequenceLogs(7, logWriter)));
    for (const batch of placed) expect([0, 7]).toContain(batch);
    expect(placed.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(7);
    await logSequencer().catchUp();
    const rows = storedRows<{ n: number; places: number; last: number }>(
      "select count(*) as n, count(distinct position) as places, max(position) as last from log_entries where position is not null",
    );
    const log = (await stores().countLog.readLog(await campaignId()))!;
    expect(rows).toEqual([{ n: log.size, places: log.size, last: log.size - 1 }]);
    expect(log.count).toBe((await campaignStatus(slug))!.signaturesHere);
    expect(await logStanding(await campaignId())).toMatchObject({ size: log.size, count: log.count, waiting: 0 });
  });
});
