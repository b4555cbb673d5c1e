// A receipt's proof file: everything needed to show, offline and without trusting the site, that
// one signature's entry is in the log as its signed checkpoint stands.
import { z } from "zod";
import { fromBase64, toBase64, utf8 } from "./bytes";
import { openCheckpoint } from "./checkpoint";
import { entryText, parseEntry, type How } from "./entries";
import { HASH_SIZE, leafHash } from "./hashes";
import { verifyInclusion } from "./inclusion";
import { parseVerifierKey } from "./signed-note";

export const receiptProofSchema = z.object({
  format: z.literal("countersign-receipt-v1"),
  origin: z.string(),
  index: z.number().int().nonnegative(),
  entry: z.string(),
  /** The audit path, nearest the leaf first, each hash in base64. */
  inclusion: z.array(z.string()),
  /** The whole signed note. */
  checkpoint: z.string(),
  vkey: z.string(),
});
export type ReceiptProof = z.infer<typeof receiptProofSchema>;

export type ReceiptCheck =
  | {
      kind: "included";
      index: number;
      entry: string;
      count: number;
      minute: number;
      how: How;
      treeSize: number;
      /** base64 */
      rootHash: string;
      /** The remove entry cancelling this signature, checked to be in the log; null when the site names none. */
      removedBy: number | null;
      proof: ReceiptProof;
    }
  /** The site knows the signature, but no signed checkpoint covers it yet. */
  | { kind: "not-yet" }
  /** No entry with this commitment: wrong address or wrong link. */
  | { kind: "not-found" }
  /** The site's answers do not check out (bad signature, proof mismatch, entry differs). */
  | { kind: "failed"; reason: string };

export const receiptFailed = (reason: string): ReceiptCheck => ({ kind: "failed", reason });

/** Checks a proof file on its own: the checkpoint's signature by the key it carries, the entry, its audit path. */
export function verifyReceiptProof(proof: ReceiptProof): ReceiptCheck {
  // A proof file comes from anywhere, so its shape is checked even when the type says it is right.
  const shape = receiptProofSchema.safeParse(proof);
  if (!shape.success) return receiptFailed(`the proof file is not a countersign-receipt-v1 proof: ${shape.error.issues[0]?.message ?? ""}`);
  const { origin, index, entry, inclusion, checkpoint: note, vkey } = shape.data;
  const key = parseVerifierKey(vkey);
  if (!key.ok) return receiptFailed(key.error);
  const checkpoint = openCheckpoint(note, key.value);
  if (!checkpoint.ok) return receiptFailed(checkpoint.error);
  const { size, rootHash } = checkpoint.value;
  if (checkpoint.value.origin !== origin) return receiptFailed(`the checkpoint is of log "${checkpoint.value.origin}", not "${origin}"`);
  if (index >= size) return receiptFailed(`entry ${index} is not in the checkpoint's ${size} entries`);
  const bytes = utf8(entry);
  const text = entryText(bytes);
  if (!text.ok) return receiptFailed(`entry ${index}: ${text.error}`);
  const parsed = parseEntry(text.value);
  if (!parsed.ok) return receiptFailed(`entry ${index}: ${parsed.error}`);
  if (parsed.value.kind !== "add") return receiptFailed(`entry ${index} is a remove, not a signature`);
  const path = inclusion.map(fromBase64);
  if (path.some((hash) => !hash || hash.length !== HASH_SIZE)) return receiptFailed("the audit path holds something other than base64 of 32 bytes");
  if (!verifyInclusion(index, size, leafHash(bytes), path.filter((hash) => hash !== null), rootHash)) {
    return receiptFailed(`the audit path does not lead from entry ${index} to the checkpoint's root`);
  }
  const { count, minute, how } = parsed.value;
  return { kind: "included", index, entry, count, minute, how, treeSize: size, rootHash: toBase64(rootHash), removedBy: null, proof: shape.data };
}
