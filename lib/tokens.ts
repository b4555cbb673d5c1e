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

// AES-256-GCM: a 12-byte nonce, the 8-byte number, a 16-byte tag.
const sealedBytes = 12 + 8 + 16;

/**
 * A row id sealed into an opaque token (AES-256-GCM, bound to `purpose`): it reveals nothing,
 * not even how many rows came before, and only the key's holder can make or read one.
 */
export function sealId(key: Buffer, purpose: string, id: number): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, nonce).setAAD(Buffer.from(purpose));
  const plain = Buffer.alloc(8);
  plain.writeBigUInt64BE(BigInt(id));
  return Buffer.concat([nonce, cipher.update(plain), cipher.final(), cipher.getAuthTag()]).toString("base64url");
}

/** The id in a token made by sealId with the same key and purpose, or undefined for anything else. */
export function openId(key: Buffer, purpose: string, token: string): number | undefined {
  const bytes = Buffer.from(token, "base64url");
  if (bytes.length !== sealedBytes || bytes.toString("base64url") !== token) return undefined;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, 12)).setAAD(Buffer.from(purpose));
    decipher.setAuthTag(bytes.subarray(20));
    const plain = Buffer.concat([decipher.update(bytes.subarray(12, 20)), decipher.final()]);
    const id = plain.readBigUInt64BE();
    return id <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(id) : undefined;
  } catch {
    return undefined;
  }
}

/** A token shaped like a sealed one that opens to nothing: for answers that must look real. */
export function decoySealedId(): string {
  return randomBytes(sealedBytes).toString("base64url");
}
