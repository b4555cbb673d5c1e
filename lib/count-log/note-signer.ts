import { createHash, createPrivateKey, createPublicKey, sign, type KeyObject } from "node:crypto";

// C2SP signed-note with Ed25519 (https://c2sp.org/signed-note), the checkpoint's envelope.

// An Ed25519 private key's PKCS #8 wrapping, before its 32-byte seed (RFC 8410).
const pkcs8Prefix = Buffer.from("302e020100300506032b657004220420", "hex");
const ed25519Type = 0x01;

export type NoteSigner = { name: string; keyHash: Buffer; publicKey: Buffer; privateKey: KeyObject };

/** The signer named `name` (the log's origin) whose key is the Ed25519 key of this 32-byte seed. */
export function noteSigner(name: string, seed: Buffer): NoteSigner {
  if (seed.length !== 32) throw new Error(`an Ed25519 seed is 32 bytes, not ${seed.length}`);
  if (!name || /[\s+]/.test(name)) throw new Error(`a note signer's name has no spaces or plus signs: ${JSON.stringify(name)}`);
  const privateKey = createPrivateKey({ key: Buffer.concat([pkcs8Prefix, seed]), format: "der", type: "pkcs8" });
  const publicKey = createPublicKey(privateKey).export({ format: "der", type: "spki" }).subarray(-32);
  const keyHash = createHash("sha256").update(`${name}\n`).update(Buffer.of(ed25519Type)).update(publicKey).digest().subarray(0, 4);
  return { name, keyHash, publicKey, privateKey };
}

/** The note: its text (ending in a newline), a blank line, and one signature line. */
export function signNote(text: string, signer: NoteSigner): string {
  if (!text.endsWith("\n")) throw new Error("a note's text ends with a newline");
  const signature = sign(null, Buffer.from(text, "utf8"), signer.privateKey);
  return `${text}\n\u2014 ${signer.name} ${Buffer.concat([signer.keyHash, signature]).toString("base64")}\n`;
}

/** The verifier key others check the notes with: `<name>+<key hash>+<base64 of type and public key>`. */
export const verifierKey = (signer: NoteSigner): string =>
  `${signer.name}+${signer.keyHash.toString("hex")}+${Buffer.concat([Buffer.of(ed25519Type), signer.publicKey]).toString("base64")}`;

/** A C2SP tlog-checkpoint's text: origin, tree size, root hash. */
export const checkpointText = (origin: string, size: number, root: Uint8Array): string => `${origin}\n${size}\n${Buffer.from(root).toString("base64")}\n`;
