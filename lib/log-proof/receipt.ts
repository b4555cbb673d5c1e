// The receipt check a signer's browser runs: from their address and the salt in their receipt
// link, find their entry in the campaign's log and prove it is there, trusting nothing the site says.
import { z } from "zod";
import { fromUtf8, toBase64 } from "./bytes";
import { openCheckpoint, type Checkpoint } from "./checkpoint";
import { parseSalt, signerCommitment } from "./commitment";
import { entryText, parseEntry, splitBundle, type LogEntry } from "./entries";
import { leafHash } from "./hashes";
import { inclusionProof, verifyInclusion } from "./inclusion";
import { logFileReader, type ReadLogFile } from "./log-files";
import { receiptFailed, verifyReceiptProof, type ReceiptCheck, type ReceiptProof } from "./receipt-proof";
import { parseVerifierKey } from "./signed-note";
import { bundlePath, tileHolding, TILE_WIDTH } from "./tile-path";
import { computeFromTiles } from "./tile-reads";

export { verifyReceiptProof, type ReceiptCheck, type ReceiptProof };

// The site's lookup is only a hint of where to look: everything it says is checked below.
const lookupSchema = z.object({
  index: z.number().int().nonnegative().nullable(),
  removedBy: z.number().int().nonnegative().nullable(),
});

type Found = { text: string; entry: LogEntry; inclusion: Uint8Array[] };

/** Entry `index` from its bundle, with its audit path in the checkpoint's tree. */
async function readEntry(read: ReadLogFile, checkpoint: Checkpoint, index: number): Promise<Found | string> {
  const { size } = checkpoint;
  const tile = tileHolding(size, 0, index);
  const path = bundlePath(tile);
  const bundle = await read(path);
  if (!bundle) return `${path} is missing`;
  const entries = splitBundle(bundle);
  if (!entries.ok) return `${path}: ${entries.error}`;
  if (entries.value.length !== tile.width) return `${path} holds ${entries.value.length} entries, not ${tile.width}`;
  const bytes = entries.value[index % TILE_WIDTH] ?? new Uint8Array(0);
  const text = entryText(bytes);
  if (!text.ok) return `entry ${index}: ${text.error}`;
  const entry = parseEntry(text.value);
  if (!entry.ok) return `entry ${index}: ${entry.error}`;
  const inclusion = await computeFromTiles(size, read, (hashAt) => inclusionProof(index, size, hashAt));
  if (!inclusion.ok) return inclusion.error;
  if (!verifyInclusion(index, size, leafHash(bytes), inclusion.value, checkpoint.rootHash)) {
    return `the tiles do not lead from entry ${index} to the checkpoint's root`;
  }
  return { text: text.value, entry: entry.value, inclusion: inclusion.value };
}

async function readText(read: ReadLogFile, path: string): Promise<string | null> {
  const bytes = await read(path);
  return bytes && (fromUtf8(bytes) ?? "");
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The slug a log URL names ("/log/<slug>"), if it is one. */
const slugOf = (logUrl: string) => /\/log\/([^/]+)\/*$/.exec(logUrl)?.[1];

/**
 * Finds and proves the signer's entry. The salt must be 64 hex digits (check it with parseSalt
 * first): a malformed one throws a RangeError, since it can only come from a broken link.
 */
export async function checkReceipt(input: { logUrl: string; email: string; saltHex: string; fetch?: typeof fetch }): Promise<ReceiptCheck> {
  const salt = parseSalt(input.saltHex);
  if (!salt.ok) throw new RangeError(`Cannot check a receipt: ${salt.error}`);
  const read = logFileReader(input.logUrl, input.fetch);
  try {
    const vkey = await readText(read, "vkey");
    if (vkey === null) return { kind: "not-found" };
    const key = parseVerifierKey(vkey);
    if (!key.ok) return receiptFailed(key.error);
    const origin = key.value.name;
    const slug = slugOf(input.logUrl);
    if (slug && !origin.endsWith(`/log/${slug}`)) return receiptFailed(`the log at ${input.logUrl} is signed as "${origin}", another campaign's`);

    const commitment = signerCommitment(origin, salt.value, input.email);
    const lookupText = await readText(read, `lookup/${commitment}`);
    if (lookupText === null) return { kind: "not-found" };
    const lookup = lookupSchema.safeParse(parseJson(lookupText));
    if (!lookup.success) return receiptFailed(`the lookup's answer is not {index, removedBy}: ${lookupText.slice(0, 200)}`);
    const { index, removedBy } = lookup.data;
    if (index === null) return { kind: "not-yet" };

    const note = await readText(read, "checkpoint");
    if (note === null) return receiptFailed("the log has a key but no checkpoint");
    const checkpoint = openCheckpoint(note, key.value);
    if (!checkpoint.ok) return receiptFailed(checkpoint.error);
    // A signature sequenced after this checkpoint was signed: the next one will cover it.
    if (index >= checkpoint.value.size) return { kind: "not-yet" };

    const found = await readEntry(read, checkpoint.value, index);
    if (typeof found === "string") return receiptFailed(found);
    if (found.entry.kind !== "add" || found.entry.commitment !== commitment) {
      return receiptFailed(`entry ${index} is "${found.text}", not an add with this signature's commitment ${commitment}`);
    }
    const proof: ReceiptProof = {
      format: "countersign-receipt-v1",
      origin,
      index,
      entry: found.text,
      inclusion: found.inclusion.map(toBase64),
      checkpoint: note,
      vkey,
    };
    const included = verifyReceiptProof(proof);
    // A removal not yet under a signed checkpoint cannot be proved; the next check will show it.
    if (included.kind !== "included" || removedBy === null || removedBy >= checkpoint.value.size) return included;

    if (removedBy <= index) return receiptFailed(`the site says entry ${removedBy} removes entry ${index}, but a remove comes after what it removes`);
    const removal = await readEntry(read, checkpoint.value, removedBy);
    if (typeof removal === "string") return receiptFailed(removal);
    if (removal.entry.kind !== "remove" || removal.entry.target !== index) {
      return receiptFailed(`entry ${removedBy}, said to remove this signature, is "${removal.text}"`);
    }
    return { ...included, removedBy };
  } catch (error) {
    return receiptFailed(`could not read the log at ${input.logUrl}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
