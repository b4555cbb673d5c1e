import { stores } from "./stores";
import { hkdfSync, randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { config } from "./config";
import { processWide } from "./process-wide";

/** What each derived key signs or seals; one key per purpose, so no token passes for another. */
export type SecretPurpose = "form-token" | "withdraw" | "confirmation-code" | "referral" | "referral-stats" | "unsubscribe" | "login-browser" | "mail-body" | "count-log" | "reason-mark";

const minimumLength = 32;

/**
 * Reads the key file, making it on first start. Made under a temporary name and linked into place,
 * so processes starting together all end up reading the one that won.
 */
export function readOrCreateKeyFile(file: string): string {
  try {
    return checked(readFileSync(file, "utf8"), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(draft, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    unlinkSync(draft);
  }
  return checked(readFileSync(file, "utf8"), file);
}

function checked(text: string, file: string): string {
  const key = text.trim();
  if (key.length < minimumLength) {
    throw new Error(`the secret key file ${file} holds ${key.length} characters where ${minimumLength} or more are needed; restore it, or delete it to make a new one (links already sent stop working)`);
  }
  return key;
}

/** The master key: SECRET_KEY, or the key file the database keeps beside its data. */
const masterKey = processWide("master-key", () => {
  const configured = config().SECRET_KEY;
  if (configured) return configured;
  const file = stores().database.secretKeyLocation();
  if (!file) throw new Error("SECRET_KEY is not set, and this database keeps no files beside it to generate one in: set SECRET_KEY");
  return readOrCreateKeyFile(file);
});

const derived = new Map<SecretPurpose, Buffer>();

/**
 * The key for one purpose, derived (HKDF-SHA256) from SECRET_KEY or the key file. Kept once read;
 * a read that fails is not kept, so the next request tries again instead of failing until a restart.
 */
export function secretKey(purpose: SecretPurpose): Buffer {
  let key = derived.get(purpose);
  if (!key) derived.set(purpose, (key = deriveSecretKey(masterKey(), purpose)));
  return key;
}

/** One purpose's key from the master key, as every process derives it. */
export function deriveSecretKey(master: string, purpose: SecretPurpose): Buffer {
  return Buffer.from(hkdfSync("sha256", master, "countersign", purpose, 32));
}
