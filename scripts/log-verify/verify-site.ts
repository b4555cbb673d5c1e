// Checks one campaign's log on a site from its public files alone: the signed checkpoint, every
// entry and tile it commits to, the replayed counts, stats.json, the public count and, if given,
// an earlier checkpoint's consistency with this one.
import { fromUtf8, toBase64 } from "@/lib/log-proof/bytes";
import { openCheckpoint, type Checkpoint } from "@/lib/log-proof/checkpoint";
import { parseVerifierKey, type VerifierKey } from "@/lib/log-proof/signed-note";
import { logStatsSchema, statsDifferences, type LogStats } from "@/lib/log-proof/stats";
import { z } from "zod";
import { CannotCheck, Disagreement } from "./outcomes";
import { figure, plural, printedReport, seconds, type Report } from "./report";
import { createSiteReader, type SiteReader } from "./site-reader";
import { VerifiedLog, type AdvanceFigures } from "./verified-log";

export type VerifySiteOptions = {
  site: URL;
  slug: string;
  /** A checkpoint saved earlier, to check this one grew from it. */
  earlier?: { name: string; note: string };
  fetch: typeof fetch;
  print: (line: string) => void;
  /** How long the public count may take to agree with the log, sequenced about once a second. */
  patienceMs?: number;
  sleep?: (ms: number) => Promise<void>;
};

/** The exit code: 0 when everything agrees, 1 on a disagreement, 2 when the log could not be checked. */
export type ExitCode = 0 | 1 | 2;

const publicCountSchema = z.object({ signaturesHere: z.number().int().nonnegative() });

async function text(site: SiteReader, path: string, check: string): Promise<string> {
  const bytes = await site.logFile(path);
  if (!bytes) throw new Disagreement(check, `${site.logUrl(path)} is missing (404)`);
  const decoded = fromUtf8(bytes);
  if (decoded === null) throw new Disagreement(check, `${site.logUrl(path)} is not UTF-8`);
  return decoded;
}

function json(body: string, what: string, check: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw new Disagreement(check, `${what} is not JSON: ${body.slice(0, 100)}`);
  }
}

async function readCheckpoint(site: SiteReader, key: VerifierKey, slug: string): Promise<Checkpoint> {
  const opened = openCheckpoint(await text(site, "checkpoint", "checkpoint"), key);
  if (!opened.ok) throw new Disagreement("checkpoint", opened.error);
  const { origin } = opened.value;
  if (!origin.endsWith(`/log/${slug}`)) throw new Disagreement("checkpoint", `the origin "${origin}" does not name the campaign: it should end in /log/${slug}`);
  return opened.value;
}

async function readPublicCount(site: SiteReader, slug: string): Promise<number> {
  const path = `api/petitions/${slug}`;
  const bytes = await site.siteFile(path);
  if (!bytes) throw new Disagreement("count", `${path} is missing (404), though the campaign has a log`);
  const parsed = publicCountSchema.safeParse(json(fromUtf8(bytes) ?? "", path, "count"));
  if (!parsed.success) throw new Disagreement("count", `${path} has no whole signaturesHere`);
  return parsed.data.signaturesHere;
}

function reportAdvance(report: Report, log: VerifiedLog, advance: AdvanceFigures, checkpoint: Checkpoint, newer: boolean): void {
  const { replay } = log;
  const more = newer ? " more" : "";
  report.ok("entries", `${figure(advance.entries)}${more} entries in ${figure(advance.bundles)} bundles hash to the level-0 tiles (${seconds(advance.seconds)})`);
  const levels = advance.levels === 2 ? "level 1" : `levels 1-${advance.levels - 1}`;
  if (advance.levels > 1) report.ok("tiles", `${plural(advance.upperTiles, "tile")} of ${levels} ${advance.upperTiles === 1 ? "agrees" : "agree"} with the level below`);
  report.ok("root", `the tiles make the checkpoint's root ${toBase64(checkpoint.rootHash)}`);
  report.ok("replay", `${figure(replay.size)} entries well formed: ${figure(replay.adds)} adds, ${figure(replay.removes)} removes, count ${figure(replay.count)}; every count follows, every remove names a standing add`);
}

function checkStats(report: Report, stats: LogStats, log: VerifiedLog, origin: string): void {
  if (stats.origin !== origin) throw new Disagreement("stats", `stats.json is of "${stats.origin}", not "${origin}"`);
  if (!log.tally) throw new Error("The tally at stats.json's size was not kept");
  const differences = statsDifferences(stats, log.tally);
  if (differences.length > 0) throw new Disagreement("stats", `at ${figure(stats.treeSize)} entries: ${differences.join("; ")}`);
  const groups = (record: Record<string, number>) => Object.values(record).filter((n) => n > 0).length;
  report.ok("stats", `stats.json at ${figure(stats.treeSize)} entries agrees: count ${figure(stats.count)} in ${plural(groups(stats.byHow), "way")} of signing, ${plural(groups(stats.byCountry), "country", "countries")}, ${plural(groups(stats.byDay), "day")}`);
}

async function verifyWith(options: VerifySiteOptions, site: SiteReader, report: Report): Promise<void> {
  const started = performance.now();
  const { slug } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise((resolve) => setTimeout(resolve, ms)));
  const vkeyBytes = await site.logFile("vkey");
  if (!vkeyBytes) throw new CannotCheck(`${site.logUrl("vkey")} is not there (404): the site publishes no log for "${slug}". Check the slug, and that the campaign is live.`);
  const key = parseVerifierKey(fromUtf8(vkeyBytes) ?? "");
  if (!key.ok) throw new Disagreement("key", key.error);
  report.ok("key", `${key.value.name}, key id ${key.value.keyId.toString(16).padStart(8, "0")}`);

  // Read before the checkpoint, so the checkpoint is at least as new as the tally it publishes.
  const statsParsed = logStatsSchema.safeParse(json(await text(site, "stats.json", "stats"), "stats.json", "stats"));
  if (!statsParsed.success) throw new Disagreement("stats", `stats.json is not {origin, treeSize, count, byHow, byCountry, byDay}: ${statsParsed.error.issues[0]?.message ?? ""}`);
  const stats = statsParsed.data;

  let checkpoint = await readCheckpoint(site, key.value, slug);
  report.ok("checkpoint", `signed by the key; origin ${checkpoint.origin}; ${figure(checkpoint.size)} entries`);
  const log = new VerifiedLog(site);
  log.keepTallyAt(stats.treeSize);
  reportAdvance(report, log, await log.advanceTo(checkpoint), checkpoint, false);

  let statsChecked = false;
  let newerCheckpoints = 0;
  const deadline = performance.now() + (options.patienceMs ?? 15_000);
  for (;;) {
    if (!statsChecked && stats.treeSize <= log.size) {
      checkStats(report, stats, log, checkpoint.origin);
      statsChecked = true;
    }
    // The count the site shows now must be one the log passes through by the next checkpoint.
    log.markCounts();
    const publicCount = await readPublicCount(site, slug);
    const matched = () => statsChecked && log.hadCountSinceMark(publicCount);
    const reportMatch = () =>
      report.ok("count", `the public count ${figure(publicCount)} is the log's${newerCheckpoints > 0 ? `, after ${plural(newerCheckpoints, "newer checkpoint")}` : ""}`);
    if (matched()) {
      reportMatch();
      break;
    }
    if (performance.now() >= deadline) {
      const waited = seconds((options.patienceMs ?? 15_000) / 1000);
      if (!statsChecked) throw new Disagreement("stats", `stats.json is of ${figure(stats.treeSize)} entries, but after ${waited} the newest checkpoint has ${figure(log.size)}`);
      throw new Disagreement("count", `the public count is ${figure(publicCount)}, but the log's count is ${figure(log.replay.count)} at ${figure(log.size)} entries (waited ${waited} for the log to catch up)`);
    }
    await sleep(1000);
    const newer = await readCheckpoint(site, key.value, slug);
    if (newer.size === checkpoint.size) {
      if (toBase64(newer.rootHash) !== toBase64(checkpoint.rootHash)) throw new Disagreement("checkpoint", `two checkpoints of ${figure(newer.size)} entries have different roots`);
      continue;
    }
    report.ok("checkpoint", `newer, signed by the key: ${figure(newer.size)} entries (${figure(newer.size - checkpoint.size)} more)`);
    const advance = await log.advanceTo(newer);
    checkpoint = newer;
    newerCheckpoints++;
    reportAdvance(report, log, advance, checkpoint, true);
    if (matched()) {
      reportMatch();
      break;
    }
  }

  if (options.earlier) {
    const earlier = openCheckpoint(options.earlier.note, key.value);
    if (!earlier.ok) throw new Disagreement("earlier", `${options.earlier.name}: ${earlier.error}`);
    const { size, rootHash } = earlier.value;
    if (size > log.size) throw new Disagreement("earlier", `${options.earlier.name} has ${figure(size)} entries, more than the current checkpoint's ${figure(log.size)}`);
    const root = toBase64(log.rootOf(size));
    if (root !== toBase64(rootHash)) {
      throw new Disagreement("earlier", `the first ${figure(size)} entries of the log hash to ${root}, not ${options.earlier.name}'s root ${toBase64(rootHash)}: the log was rewritten`);
    }
    report.ok("earlier", `${options.earlier.name} (${figure(size)} entries) is a prefix of this checkpoint's log`);
  }
  report.line(`all checks agree: ${figure(log.size)} entries, count ${figure(log.replay.count)}, root ${toBase64(checkpoint.rootHash)} (${seconds((performance.now() - started) / 1000)})`);
}

export async function verifySite(options: VerifySiteOptions): Promise<ExitCode> {
  const report = printedReport(options.print);
  const site = createSiteReader(options.site, options.slug, options.fetch);
  try {
    await verifyWith(options, site, report);
    return 0;
  } catch (error) {
    if (error instanceof Disagreement) {
      report.fail(error.check, error.message);
      return 1;
    }
    if (error instanceof CannotCheck) {
      report.line(`cannot check: ${error.message}`);
      return 2;
    }
    throw error;
  }
}
