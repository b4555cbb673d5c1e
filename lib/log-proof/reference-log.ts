// A log built straight from the specifications' plain definitions (recursive MTH, tiles as MTHs of
// ranges, notes signed by hand), for the tests and the scale bench to check this folder's code
// against. It shares no code with the rest of lib/log-proof, nor with the server's log writer.
import { ed25519 } from "@noble/curves/ed25519";
import { sha256 } from "@noble/hashes/sha2";
import { concatBytes, utf8ToBytes } from "@noble/hashes/utils";

export type SigningKey = { name: string; secretKey: Uint8Array; publicKey: Uint8Array };

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

export function makeSigningKey(name: string, seed = sha256(utf8ToBytes(`seed for ${name}`))): SigningKey {
  return { name, secretKey: seed, publicKey: ed25519.getPublicKey(seed) };
}

export function referenceKeyId(name: string, publicKey: Uint8Array): Uint8Array {
  return sha256(concatBytes(utf8ToBytes(name), Uint8Array.of(0x0a, 0x01), publicKey)).slice(0, 4);
}

export function referenceVkey(key: SigningKey): string {
  return `${key.name}+${hex(referenceKeyId(key.name, key.publicKey))}+${b64(concatBytes(Uint8Array.of(0x01), key.publicKey))}`;
}

/** One signature line; `keyId` may be given to forge a wrong one. */
export function signatureLine(text: string, key: SigningKey, keyId = referenceKeyId(key.name, key.publicKey)): string {
  return `\u2014 ${key.name} ${b64(concatBytes(keyId, ed25519.sign(utf8ToBytes(text), key.secretKey)))}\n`;
}

export function signNote(text: string, key: SigningKey): string {
  return `${text}\n${signatureLine(text, key)}`;
}

export function referenceCheckpoint(origin: string, size: number, root: Uint8Array, key: SigningKey): string {
  return signNote(`${origin}\n${size}\n${b64(root)}\n`, key);
}

export const referenceLeafHash = (entry: Uint8Array) => sha256(concatBytes(Uint8Array.of(0x00), entry));

/** MTH(D[start:end]) over leaf hashes, by RFC 6962's recursive definition. */
export function referenceMth(leaves: Uint8Array[], start = 0, end = leaves.length): Uint8Array {
  const n = end - start;
  if (n === 0) return sha256(new Uint8Array(0));
  if (n === 1) return leaves[start] ?? new Uint8Array(0);
  let k = 1;
  while (k * 2 < n) k *= 2;
  return sha256(concatBytes(Uint8Array.of(0x01), referenceMth(leaves, start, start + k), referenceMth(leaves, start + k, end)));
}

function indexPath(n: number): string {
  const digits = String(n).padStart(3 * Math.ceil(String(n).length / 3), "0");
  const groups = digits.match(/.{3}/g) ?? [];
  return groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join("/");
}

const suffix = (width: number) => (width === 256 ? "" : `.p/${width}`);

export type ReferenceLog = {
  key: SigningKey;
  lines: string[];
  root: Uint8Array;
  checkpoint: string;
  /** Every file under the log's URL by its path ("checkpoint", "tile/0/000", ...). */
  files: Map<string, Uint8Array>;
  /** What lookup/<commitment> answers. */
  lookups: Map<string, { index: number | null; removedBy: number | null }>;
  /** The count the campaign's public page shows: the adds not removed. */
  standing: number;
};

/** The stats.json of the first `treeSize` lines, by its definition. */
export function referenceStats(origin: string, lines: string[], treeSize: number) {
  const removed = new Set<number>();
  for (const line of lines.slice(0, treeSize)) if (line.startsWith("remove ")) removed.add(Number(line.split(" ")[2]));
  const byHow: Record<string, number> = {};
  const byCountry: Record<string, number> = {};
  const byDay: Record<string, number> = {};
  let count = 0;
  lines.slice(0, treeSize).forEach((line, index) => {
    const [kind, minute = "0", country = "", how = ""] = line.split(" ");
    if (kind !== "add" || removed.has(index)) return;
    count++;
    byHow[how] = (byHow[how] ?? 0) + 1;
    byCountry[country] = (byCountry[country] ?? 0) + 1;
    const day = new Date(Number(minute) * 60_000).toISOString().slice(0, 10);
    byDay[day] = (byDay[day] ?? 0) + 1;
  });
  return { origin, treeSize, count, byHow, byCountry, byDay };
}

/** Builds every published file of a log holding `lines`, signed by `key` (named for the origin). */
export function buildReferenceLog(lines: string[], key: SigningKey, options: { statsSize?: number; lookups?: boolean } = {}): ReferenceLog {
  const entries = lines.map((line) => utf8ToBytes(line));
  const leaves = entries.map(referenceLeafHash);
  const size = lines.length;
  const files = new Map<string, Uint8Array>();
  for (let level = 0; Math.floor(size / 256 ** level) > 0; level++) {
    const span = 256 ** level;
    const hashes = Math.floor(size / span);
    for (let tile = 0; tile * 256 < hashes; tile++) {
      const width = Math.min(256, hashes - tile * 256);
      const tileHashes: Uint8Array[] = [];
      for (let i = 0; i < width; i++) {
        const first = (tile * 256 + i) * span;
        tileHashes.push(level === 0 ? (leaves[first] ?? new Uint8Array(0)) : referenceMth(leaves, first, first + span));
      }
      files.set(`tile/${level}/${indexPath(tile)}${suffix(width)}`, concatBytes(...tileHashes));
      if (level === 0) {
        const bundle = entries.slice(tile * 256, tile * 256 + width).flatMap((entry) => [Uint8Array.of(entry.length >> 8, entry.length & 0xff), entry]);
        files.set(`tile/entries/${indexPath(tile)}${suffix(width)}`, concatBytes(...bundle));
      }
    }
  }
  const root = referenceMth(leaves);
  const checkpoint = referenceCheckpoint(key.name, size, root, key);
  files.set("checkpoint", utf8ToBytes(checkpoint));
  files.set("vkey", utf8ToBytes(`${referenceVkey(key)}\n`));
  files.set("stats.json", utf8ToBytes(JSON.stringify(referenceStats(key.name, lines, options.statsSize ?? size))));

  const lookups = new Map<string, { index: number | null; removedBy: number | null }>();
  let standing = 0;
  lines.forEach((line, index) => {
    const fields = line.split(" ");
    if (fields[0] === "add") {
      standing++;
      if (options.lookups !== false) lookups.set(fields[4] ?? "", { index, removedBy: null });
    } else {
      standing--;
      const target = lines[Number(fields[2])]?.split(" ")[4] ?? "";
      const found = lookups.get(target);
      if (found) found.removedBy = index;
    }
  });
  return { key, lines, root, checkpoint, files, lookups, standing };
}

/** A deterministic pseudo-random source, so a failing test shows the same log again. */
function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const countries = ["SY", "LB", "TR", "DE", "GB", "FR", "US", "JO", "EG", "SE"];
const ways = ["email", "email", "email", "open", "import"];
const reasons = ["withdrawn", "erased", "invalidated", "undone"];

/** `count` well-formed entry lines: adds over a few days, about one in `removeEvery` a remove of a standing add. */
export function syntheticLines(count: number, options: { seed?: number; removeEvery?: number; firstMinute?: number } = {}): string[] {
  const random = randomSource(options.seed ?? 1);
  const removeEvery = options.removeEvery ?? 10;
  const standing: number[] = [];
  const lines: string[] = [];
  let minute = options.firstMinute ?? 29_600_000;
  for (let index = 0; index < count; index++) {
    if (random() < 0.001) minute += Math.floor(random() * 60);
    const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)] as T;
    if (standing.length > 0 && random() < 1 / removeEvery) {
      const at = Math.floor(random() * standing.length);
      const target = standing[at] ?? 0;
      standing[at] = standing[standing.length - 1] ?? 0;
      standing.pop();
      lines.push(`remove ${minute} ${target} ${pick(reasons)} ${standing.length}`);
    } else {
      standing.push(index);
      const commitment = hex(sha256(utf8ToBytes(`synthetic ${options.seed ?? 1} ${index}`)));
      lines.push(`add ${minute} ${pick(countries)} ${pick(ways)} ${commitment} ${standing.length}`);
    }
  }
  return lines;
}

/**
 * A stand-in for the site's fetch, answering for one campaign's log as the site would: the log's
 * files under /log/<slug>/ (absolute under `site` or relative), lookups, and the public count.
 * `current` is asked on every request, so a test can move the log on between two of them.
 */
export function referenceFetch(site: string, slug: string, current: () => ReferenceLog): typeof fetch {
  return async (input) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const path = url.startsWith(site) ? url.slice(site.length) : url;
    const log = current();
    const prefix = `/log/${slug}/`;
    if (path === `/api/petitions/${slug}`) return Response.json({ slug, signaturesHere: log.standing });
    if (!path.startsWith(prefix)) return new Response("not found", { status: 404 });
    const file = path.slice(prefix.length);
    if (file.startsWith("lookup/")) {
      const found = log.lookups.get(file.slice("lookup/".length));
      return found ? Response.json(found) : new Response("not found", { status: 404 });
    }
    const bytes = log.files.get(file);
    return bytes ? new Response(bytes.slice()) : new Response("not found", { status: 404 });
  };
}
