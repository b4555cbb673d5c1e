import { describe, expect, it } from "vitest";
import {
  buildReferenceLog,
  makeSigningKey,
  referenceFetch,
  referenceLeafHash,
  syntheticLines,
  type ReferenceLog,
} from "@/lib/log-proof/reference-log";
import { verifySite, type VerifySiteOptions } from "./verify-site";

const site = "https://example.test";
const slug = "white-helmets";
const key = makeSigningKey(`example.test/log/${slug}`);
const lines = syntheticLines(1_300, { removeEvery: 5 });
const log = buildReferenceLog(lines, key);

async function run(served: ReferenceLog | typeof fetch, options: Partial<VerifySiteOptions> = {}) {
  const printed: string[] = [];
  const code = await verifySite({
    site: new URL(site),
    slug,
    fetch: typeof served === "function" ? served : referenceFetch(site, slug, () => served),
    print: (line) => printed.push(line),
    patienceMs: 0,
    sleep: async () => undefined,
    ...options,
  });
  return { code, output: printed.join("\n") };
}

/** The log with some of its files replaced (or removed, for null). */
function withFiles(base: ReferenceLog, changes: Record<string, Uint8Array | null>): ReferenceLog {
  const files = new Map(base.files);
  for (const [path, bytes] of Object.entries(changes)) {
    if (bytes) files.set(path, bytes);
    else files.delete(path);
  }
  return { ...base, files };
}

const flipped = (bytes: Uint8Array, at: number) => bytes.map((b, i) => (i === at ? b ^ 1 : b));

describe("npm run log:verify", () => {
  it("agrees with a log that checks out, printing a line per check with its figures", async () => {
    const { code, output } = await run(log);
    expect(output).toMatch(/^ok {4}key {9}example\.test\/log\/white-helmets, key id [0-9a-f]{8}$/m);
    expect(output).toMatch(/^ok {4}checkpoint {2}signed by the key; origin example\.test\/log\/white-helmets; 1,300 entries$/m);
    expect(output).toMatch(/^ok {4}entries {5}1,300 entries in 6 bundles hash to the level-0 tiles/m);
    expect(output).toMatch(/^ok {4}tiles {7}1 tile of level 1 agrees with the level below$/m);
    expect(output).toContain(`the tiles make the checkpoint's root ${btoa(String.fromCharCode(...log.root))}`);
    expect(output).toMatch(new RegExp(`1,300 entries well formed: [\\d,]+ adds, [\\d,]+ removes, count ${log.standing.toLocaleString("en-US")}`));
    expect(output).toMatch(/^ok {4}stats {7}stats\.json at 1,300 entries agrees: count [\d,]+ in 3 ways of signing, 10 countries, \d+ days?$/m);
    expect(output).toMatch(new RegExp(`^ok {4}count {7}the public count ${log.standing.toLocaleString("en-US")} is the log's$`, "m"));
    expect(output).toMatch(/^all checks agree: 1,300 entries/m);
    expect(code).toBe(0);
  });

  it("agrees with an empty log, and with stats.json of an earlier size", async () => {
    const empty = await run(buildReferenceLog([], key));
    expect(empty.output).toContain("count 0");
    expect(empty.code).toBe(0);
    const earlierStats = await run(buildReferenceLog(lines, key, { statsSize: 700 }));
    expect(earlierStats.output).toMatch(/stats\.json at 700 entries agrees/);
    expect(earlierStats.code).toBe(0);
  });

  it("waits for the log to catch up with a public count that is ahead of it, verifying the newer checkpoint", async () => {
    const older = buildReferenceLog(lines.slice(0, 1_000), key);
    let current = older;
    const fetchFile: typeof fetch = async (input) => {
      if (String(input).includes("/api/petitions/")) {
        // The count moves first; the next checkpoint, a second later, holds its entries.
        current = log;
        return referenceFetch(site, slug, () => log)(input);
      }
      return referenceFetch(site, slug, () => current)(input);
    };
    const { code, output } = await run(fetchFile, { patienceMs: 60_000 });
    expect(output).toMatch(/^ok {4}checkpoint {2}newer, signed by the key: 1,300 entries \(300 more\)$/m);
    expect(output).toMatch(/^ok {4}entries {5}300 more entries in 3 bundles/m);
    expect(output).toMatch(/the public count [\d,]+ is the log's, after 1 newer checkpoint$/m);
    expect(code).toBe(0);
  });

  it("checks an earlier checkpoint is a prefix of the log, and fails one of a rewritten log", async () => {
    const prefix = buildReferenceLog(lines.slice(0, 777), key);
    const good = await run(log, { earlier: { name: "saved.txt", note: prefix.checkpoint } });
    expect(good.output).toMatch(/^ok {4}earlier {5}saved\.txt \(777 entries\) is a prefix of this checkpoint's log$/m);
    expect(good.code).toBe(0);

    const rewritten = buildReferenceLog(syntheticLines(777, { seed: 9 }), key);
    const bad = await run(log, { earlier: { name: "saved.txt", note: rewritten.checkpoint } });
    expect(bad.output).toMatch(/^FAIL {2}earlier {5}the first 777 entries of the log hash to .*, not saved\.txt's root .*: the log was rewritten$/m);
    expect(bad.code).toBe(1);

    const ahead = await run(buildReferenceLog(lines.slice(0, 500), key), { earlier: { name: "saved.txt", note: prefix.checkpoint } });
    expect(ahead.output).toMatch(/saved\.txt has 777 entries, more than the current checkpoint's 500/);
  });

  it("names the tile hash that is not its entry's leaf hash, whether the tile or the bundle changed", async () => {
    const tile = await run(withFiles(log, { "tile/0/001": flipped(log.files.get("tile/0/001")!, 5 * 32) }));
    expect(tile.output).toMatch(/^FAIL {2}entries {5}hash 5 of tile\/0\/001 is not the leaf hash of entry 261 \(number 5 in tile\/entries\/001\)$/m);
    expect(tile.code).toBe(1);
    const bundle = log.files.get("tile/entries/002")!;
    const entry = await run(withFiles(log, { "tile/entries/002": flipped(bundle, 2 + 3) }));
    expect(entry.output).toMatch(/hash 0 of tile\/0\/002 is not the leaf hash of entry 512/);
  });

  it("names the level-1 hash that is not its tile's hash, when an entry and its leaf hash were both changed", async () => {
    const bundle = log.files.get("tile/entries/001")!.slice();
    // Turn entry 256's minute 2 → 3 (or back), then write the matching leaf hash into tile 0/001.
    const at = 2 + new TextDecoder().decode(bundle.subarray(2)).search(/\d/);
    bundle[at] = bundle[at] === 0x32 ? 0x33 : 0x32;
    const length = (bundle[0]! << 8) | bundle[1]!;
    const tile = log.files.get("tile/0/001")!.slice();
    tile.set(referenceLeafHash(bundle.subarray(2, 2 + length)), 0);
    const { code, output } = await run(withFiles(log, { "tile/entries/001": bundle, "tile/0/001": tile }));
    expect(output).toMatch(/^FAIL {2}tiles {7}hash 1 of tile\/1\/000\.p\/5 is not the hash of tile\/0\/001$/m);
    expect(code).toBe(1);
  });

  it("fails on a missing tile or bundle, naming its address", async () => {
    expect((await run(withFiles(log, { "tile/0/003": null }))).output).toMatch(
      /^FAIL {2}tiles {7}https:\/\/example\.test\/log\/white-helmets\/tile\/0\/003 is missing \(404\), though the checkpoint of 1,300 entries needs it$/m,
    );
    expect((await run(withFiles(log, { "tile/entries/005.p/20": null }))).output).toMatch(/tile\/entries\/005\.p\/20 is missing/);
    expect((await run(withFiles(log, { "tile/1/000.p/5": null }))).output).toMatch(/tile\/1\/000\.p\/5 is missing/);
  });

  it("fails on entries whose counts or removes do not follow, and on a malformed line", async () => {
    const counted = lines.map((line, i) => (i === 700 ? line.replace(/ (\d+)$/, (_, n: string) => ` ${Number(n) + 1}`) : line));
    expect((await run(buildReferenceLog(counted, key))).output).toMatch(/^FAIL {2}replay {6}entry 700 \(an? (add|remove)\) says the count is \d+, but it makes \d+ \(tile\/entries\/002\)$/m);
    const removeOfRemove = lines.findIndex((line) => line.startsWith("remove "));
    const doubled = [...lines, `remove 29600000 ${removeOfRemove} undone 0`];
    expect((await run(buildReferenceLog(doubled, key))).output).toMatch(new RegExp(`entry 1300 removes entry ${removeOfRemove}, which is a remove, not an add`));
    const malformed = [...lines.slice(0, 10), "add 29600000 SY email nothex 1"];
    const { code, output } = await run(buildReferenceLog(malformed, key));
    expect(output).toMatch(/^FAIL {2}replay {6}entry 10 \(tile\/entries\/000\.p\/11\) is malformed: .*its commitment "nothex" is not 64 lower-case hex digits$/m);
    expect(code).toBe(1);
  });

  it("fails when stats.json disagrees with the entries, naming the group", async () => {
    const stats = JSON.parse(new TextDecoder().decode(log.files.get("stats.json"))) as { byCountry: Record<string, number> };
    stats.byCountry.SY = (stats.byCountry.SY ?? 0) + 1;
    const { code, output } = await run(withFiles(log, { "stats.json": new TextEncoder().encode(JSON.stringify(stats)) }));
    expect(output).toMatch(/^FAIL {2}stats {7}at 1,300 entries: byCountry\.SY: stats\.json says \d+, the entries make \d+$/m);
    expect(code).toBe(1);
  });

  it("fails when the public count never agrees with the log", async () => {
    const { code, output } = await run({ ...log, standing: log.standing + 1 }, { patienceMs: 0 });
    expect(output).toMatch(/^FAIL {2}count {7}the public count is [\d,]+, but the log's count is [\d,]+ at 1,300 entries \(waited 0\.0 s for the log to catch up\)$/m);
    expect(code).toBe(1);
  });

  it("fails on a checkpoint not signed by the log's key, or signed for another campaign", async () => {
    const forged = buildReferenceLog(lines, makeSigningKey(key.name, new Uint8Array(32).fill(5)));
    const unsigned = await run(withFiles(log, { checkpoint: forged.files.get("checkpoint")! }));
    expect(unsigned.output).toMatch(/^FAIL {2}checkpoint {2}no signature by example\.test\/log\/white-helmets/m);
    expect(unsigned.code).toBe(1);
    const other = await run(buildReferenceLog(lines, makeSigningKey("example.test/log/other")));
    expect(other.output).toMatch(/the origin "example\.test\/log\/other" does not name the campaign: it should end in \/log\/white-helmets/);
  });

  it("cannot check a campaign without a log, or a site that does not answer", async () => {
    const unknown = await run(log, { slug: "no-such-campaign" });
    expect(unknown.output).toMatch(/^cannot check: https:\/\/example\.test\/log\/no-such-campaign\/vkey is not there \(404\)/m);
    expect(unknown.code).toBe(2);
    const down: typeof fetch = async () => {
      throw new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED 127.0.0.1:9") });
    };
    const unreachable = await run(down);
    expect(unreachable.output).toBe("cannot check: GET https://example.test/log/white-helmets/vkey fetch failed: connect ECONNREFUSED 127.0.0.1:9");
    expect(unreachable.code).toBe(2);
  });
});
