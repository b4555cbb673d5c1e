// The commitment an add entry carries: it names one signer to whoever holds their address and
// salt (the receipt), and no one else.
import { sha256 } from "@noble/hashes/sha2";
import { emailKey } from "@/lib/domain/email-key";
import { concatBytes, fromHex, toHex, utf8 } from "./bytes";
import { accept, refuse, type Checked } from "./result";

export const SALT_SIZE = 32;

/** The receipt's salt: 64 hex digits, either case. */
export function parseSalt(hex: string): Checked<Uint8Array> {
  const salt = fromHex(hex.trim());
  if (!salt || salt.length !== SALT_SIZE) return refuse(`the salt must be ${SALT_SIZE * 2} hex digits (0-9, a-f), not "${hex}"`);
  return accept(salt);
}

/**
 * Lower hex SHA-256 of "countersign-commitment-v1\n" || origin || "\n" || salt || "\n" || emailKey(address).
 * The address is matched by its key, so the commitment holds however the signer types it later.
 */
export function signerCommitment(origin: string, salt: Uint8Array, address: string): string {
  if (salt.length !== SALT_SIZE) throw new RangeError(`A salt has ${SALT_SIZE} bytes, not ${salt.length}`);
  const newline = utf8("\n");
  return toHex(sha256(concatBytes(utf8("countersign-commitment-v1\n"), utf8(origin), newline, salt, newline, utf8(emailKey(address)))));
}
