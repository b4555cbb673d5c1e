import { stores } from "./stores";
import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { secretKey } from "./secrets";
import { openId, sealId } from "./tokens";

// A referral code is 12 bytes, 16 characters of base64url: an 8-byte HMAC tag of the id, then the
// id (4 bytes) masked by a pad drawn from the tag. The same signature always gets the same code, the
// code shows nothing of the id (so nothing of how many signed before), and without the key none can
// be made: a forger must guess 64 bits, one signature submission per guess.
const tagBytes = 8;
const idBytes = 4;
const codeLength = 16;
const maxId = 0x7fff_ffff;

const codePurpose = "referral";
const statsPurpose = "referral-stats";

function mac(label: "tag" | "pad", data: Buffer): Buffer {
  return createHmac("sha256", secretKey(codePurpose)).update(label).update(data).digest();
}

function xor(bytes: Buffer, pad: Buffer): Buffer {
  return Buffer.from(bytes.map((byte, i) => byte ^ pad[i]!));
}

// Ids are 32-bit signed here: a signature's are positive, a decoy's negative (decoyReferral).
function code(id: number): string {
  const plain = Buffer.alloc(idBytes);
  plain.writeInt32BE(id);
  const tag = mac("tag", plain).subarray(0, tagBytes);
  return Buffer.concat([tag, xor(plain, mac("pad", tag))]).toString("base64url");
}

/** The code a signer's share links carry (`?ref=`), naming their signature to us and to no one else. */
export function referralCode(signatureId: number): string {
  if (!Number.isSafeInteger(signatureId) || signatureId < 1 || signatureId > maxId) {
    throw new Error(`signature id ${signatureId} cannot be put in a referral code`);
  }
  return code(signatureId);
}

/**
 * The referrer a code names, or undefined for anything that is not a code we made: a missing,
 * mangled or forged one is ignored, never an error. A decoy's code names its decoy id (negative),
 * which no signature has, so what it brings is counted for its holder like any other's.
 */
export function referrerFrom(raw: unknown): number | undefined {
  if (typeof raw !== "string" || raw.length !== codeLength) return undefined;
  const bytes = Buffer.from(raw, "base64url");
  if (bytes.length !== tagBytes + idBytes || bytes.toString("base64url") !== raw) return undefined;
  const tag = bytes.subarray(0, tagBytes);
  const plain = xor(bytes.subarray(tagBytes), mac("pad", tag));
  if (!timingSafeEqual(tag, mac("tag", plain).subarray(0, tagBytes))) return undefined;
  const id = plain.readInt32BE();
  return id === 0 ? undefined : id;
}

/**
 * The sharer's private capability to read how many their link brought: sealed with a key of its
 * own (lib/tokens.ts), so the public code, or anything made from it, never opens it.
 */
export function referralStatsToken(signatureId: number): string {
  // A decoy's negative id is sealed as its 32-bit two's complement, to fit sealId's unsigned number.
  return sealId(secretKey(statsPurpose), statsPurpose, signatureId >>> 0);
}

/** How many confirmed signatures the token's signer brought, or undefined for a token we did not make. */
export async function referralCount(statsToken: string): Promise<number | undefined> {
  const sealed = openId(secretKey(statsPurpose), statsPurpose, statsToken);
  if (sealed === undefined || sealed > 0xffff_ffff) return undefined;
  // Counted for a decoy as for a signature, so reading one takes the same time and tells nothing.
  return stores().signatures.countConfirmedReferrals(sealed | 0);
}

/**
 * What a repeat signature (or a suspected bot's) is given in place of a real signer's code and
 * token: the same shapes, for a made-up id no signature has. Its count reads 0, and goes up only
 * if people really sign through its code, exactly as a new signer's would, so neither the answer
 * nor anything done with it later tells that the address had signed.
 */
export function decoyReferral(): { referralCode: string; referralStatsToken: string } {
  const id = -randomInt(1, maxId + 1);
  return { referralCode: code(id), referralStatsToken: referralStatsToken(id) };
}
