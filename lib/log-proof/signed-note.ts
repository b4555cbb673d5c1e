// C2SP signed-note with Ed25519 keys: parsing a verifier key and opening a note signed by it.
import { ed25519 } from "@noble/curves/ed25519";
import { sha256 } from "@noble/hashes/sha2";
import { concatBytes, fromBase64, utf8 } from "./bytes";
import { accept, refuse, type Checked } from "./result";

const ed25519Type = 0x01;
const emDash = "\u2014";
// The spec asks verifiers to cap the signatures they read, and to read at least 16.
const maxSignatures = 100;

/** A verifier key: `<name>+<key id as 8 hex>+<base64(0x01 || 32-byte Ed25519 public key)>`. */
export type VerifierKey = { name: string; keyId: number; publicKey: Uint8Array };

/** Key names are non-empty and hold no Unicode space and no "+". */
export function isKeyName(name: string): boolean {
  return name.length > 0 && !/[\s+]/u.test(name);
}

/** The first four bytes, big-endian, of SHA-256(name || 0x0A || 0x01 || public key). */
export function keyIdOf(name: string, publicKey: Uint8Array): number {
  const digest = sha256(concatBytes(utf8(name), new Uint8Array([0x0a, ed25519Type]), publicKey));
  return new DataView(digest.buffer, digest.byteOffset, 4).getUint32(0, false);
}

export function parseVerifierKey(text: string): Checked<VerifierKey> {
  const key = text.endsWith("\n") ? text.slice(0, -1) : text;
  // Only the first two "+" separate fields: the base64 may hold more.
  const first = key.indexOf("+");
  const second = key.indexOf("+", first + 1);
  if (first < 0 || second < 0) return refuse(`the verifier key is not name+id+key: "${key}"`);
  const name = key.slice(0, first);
  const idHex = key.slice(first + 1, second);
  const material = fromBase64(key.slice(second + 1));
  if (!isKeyName(name)) return refuse(`the verifier key's name "${name}" is empty or holds a space or "+"`);
  if (!/^[0-9a-f]{8}$/.test(idHex)) return refuse(`the verifier key's id "${idHex}" is not 8 lower-case hex digits`);
  if (!material || material.length !== 33 || material[0] !== ed25519Type) {
    return refuse("the verifier key's key is not base64 of 0x01 and a 32-byte Ed25519 public key");
  }
  const publicKey = material.slice(1);
  const keyId = parseInt(idHex, 16);
  if (keyIdOf(name, publicKey) !== keyId) return refuse(`the verifier key's id ${idHex} is not the hash of its name and key`);
  return accept({ name, keyId, publicKey });
}

function verifies(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  try {
    // Strict RFC 8032 checks, as Go's crypto/ed25519 makes, rather than ZIP 215's looser ones.
    return ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}

/**
 * Opens a signed note: the text (ending in a newline), a blank line, then signature lines
 * `— <name> <base64(key id || signature)>`. Gives back the text when a signature by `key` verifies.
 * Signatures by other keys are ignored, as the spec requires; one by `key` that fails rejects the
 * whole note, as it recommends.
 */
export function openNote(note: string, key: VerifierKey): Checked<string> {
  if (/[\u0000-\u0009\u000b-\u001f]/.test(note)) return refuse("the note holds a control character other than newline");
  const split = note.lastIndexOf("\n\n");
  if (split < 0) return refuse("the note has no blank line before its signatures");
  const text = note.slice(0, split + 1);
  const signatureBlock = note.slice(split + 2);
  if (!signatureBlock.endsWith("\n")) return refuse("the note's signatures do not end in a newline");
  const lines = signatureBlock.slice(0, -1).split("\n");
  if (lines.length > maxSignatures) return refuse(`the note has ${lines.length} signatures, more than ${maxSignatures}`);
  const message = utf8(text);
  let verified = 0;
  for (const [n, line] of lines.entries()) {
    const fields = line.split(" ");
    const signature = fields.length === 3 && fields[0] === emDash ? fromBase64(fields[2] ?? "") : null;
    const name = fields[1] ?? "";
    if (!signature || !isKeyName(name) || signature.length < 5) return refuse(`signature line ${n + 1} is malformed: "${line}"`);
    const keyId = new DataView(signature.buffer, signature.byteOffset, 4).getUint32(0, false);
    if (name !== key.name || keyId !== key.keyId) continue;
    if (!verifies(signature.subarray(4), message, key.publicKey)) return refuse(`signature line ${n + 1}, by ${name}, does not verify`);
    verified++;
  }
  if (verified === 0) return refuse(`no signature by ${key.name} (key id ${key.keyId.toString(16).padStart(8, "0")})`);
  return accept(text);
}
