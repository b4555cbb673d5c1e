// C2SP tlog-checkpoint: the signed note naming a log's origin, tree size and root hash.
import { fromBase64 } from "./bytes";
import { parseDecimal } from "./decimal";
import { HASH_SIZE } from "./hashes";
import { accept, refuse, type Checked } from "./result";
import { openNote, type VerifierKey } from "./signed-note";

export type Checkpoint = { origin: string; size: number; rootHash: Uint8Array };

/** Parses checkpoint text: origin, size and base64 root lines, then any extension lines (ignored). */
export function parseCheckpoint(text: string): Checked<Checkpoint> {
  if (!text.endsWith("\n")) return refuse("the checkpoint does not end in a newline");
  const lines = text.slice(0, -1).split("\n");
  const [origin = "", sizeLine = "", rootLine = ""] = lines;
  if (lines.length < 3) return refuse(`the checkpoint has ${lines.length} lines, not at least 3`);
  if (lines.some((line) => line === "")) return refuse("the checkpoint has an empty line");
  const size = parseDecimal(sizeLine);
  if (size === null) return refuse(`the checkpoint's tree size "${sizeLine}" is not a decimal number`);
  const rootHash = fromBase64(rootLine);
  if (!rootHash || rootHash.length !== HASH_SIZE) return refuse(`the checkpoint's root hash "${rootLine}" is not base64 of 32 bytes`);
  return accept({ origin, size, rootHash });
}

/** Verifies a checkpoint's signature by `key`, then parses it; its origin must be the key's name. */
export function openCheckpoint(note: string, key: VerifierKey): Checked<Checkpoint> {
  const text = openNote(note, key);
  if (!text.ok) return text;
  const checkpoint = parseCheckpoint(text.value);
  if (!checkpoint.ok) return checkpoint;
  if (checkpoint.value.origin !== key.name) {
    return refuse(`the checkpoint's origin "${checkpoint.value.origin}" is not its key's name "${key.name}"`);
  }
  return checkpoint;
}
