import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

/** A URL-safe secret for a link: 256 bits, unguessable. */
export function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What the database keeps of a token: enough to recognise it, useless to replay. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function sixDigitCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

export function hmac(key: Buffer, message: string): string {
  return createHmac("sha256", key).update(message).digest("hex");
}

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

// AES-256-GCM: a 12-byte nonce, the ciphertext, a 16-byte tag; bound to `context` as associated data.
const nonceBytes = 12;
const tagBytes = 16;

function seal(key: Buffer, context: string, plain: Buffer): Buffer {
  const nonce = randomBytes(nonceBytes);
  const cipher = createCipheriv("aes-256-gcm", key, nonce).setAAD(Buffer.from(context));
  return Buffer.concat([nonce, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

function open(key: Buffer, context: string, sealed: Buffer): Buffer | undefined {
  if (sealed.length < nonceBytes + tagBytes) return undefined;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, sealed.subarray(0, nonceBytes)).setAAD(Buffer.from(context));
    decipher.setAuthTag(sealed.subarray(sealed.length - tagBytes));
    return Buffer.concat([decipher.update(sealed.subarray(nonceBytes, sealed.length - tagBytes)), decipher.final()]);
  } catch {
    return undefined;
  }
}

// A sealed id: the nonce, the 8-byte number, the tag.
const sealedBytes = nonceBytes + 8 + tagBytes;

/**
 * A row id sealed into an opaque token (AES-256-GCM, bound to `purpose`): it reveals nothing,
 * not even how many rows came before, and only the key's holder can make or read one.
 */
export function sealId(key: Buffer, purpose: string, id: number): string {
  const plain = Buffer.alloc(8);
  plain.writeBigUInt64BE(BigInt(id));
  return seal(key, purpose, plain).toString("base64url");
}

/** The id in a token made by sealId with the same key and purpose, or undefined for anything else. */
export function openId(key: Buffer, purpose: string, token: string): number | undefined {
  const bytes = Buffer.from(token, "base64url");
  if (bytes.length !== sealedBytes || bytes.toString("base64url") !== token) return undefined;
  const id = open(key, purpose, bytes)?.readBigUInt64BE();
  return id !== undefined && id <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(id) : undefined;
}

/** Text sealed as sealId seals an id, for `context` alone (a different context cannot open it). */
export function sealText(key: Buffer, context: string, text: string): string {
  return seal(key, context, Buffer.from(text, "utf8")).toString("base64url");
}

/** The text sealText sealed with the same key and context, or undefined. */
export function openText(key: Buffer, context: string, sealed: string): string | undefined {
  return open(key, context, Buffer.from(sealed, "base64url"))?.toString("utf8");
}

/** A token shaped like a sealed one that opens to nothing: for answers that must look real. */
export function decoySealedId(): string {
  return randomBytes(sealedBytes).toString("base64url");
}
