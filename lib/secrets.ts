import { hkdfSync, randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { config, databasePath } from "./config";
import { processSingleton } from "./process-singleton";

/** What each derived key signs or seals; one key per purpose, so no token passes for another. */
export type SecretPurpose = "form-token" | "withdraw" | "confirmation-code";

const minimumLength = 32;

/** Where the generated key lives when SECRET_KEY is unset: beside the database, never inside it. */
export function secretKeyFile(databaseUrl = config().DATABASE_URL): string {
  return path.join(path.dirname(path.resolve(databasePath(databaseUrl))), "countersign-secret.key");
}

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

/**
 * The key for one purpose, derived (HKDF-SHA256) from SECRET_KEY or the key file. Kept once read;
 * a read that fails is not kept, so the next request tries again instead of failing until a restart.
 */
export function secretKey(purpose: SecretPurpose): Buffer {
  const settings = config();
  const master = processSingleton(`secret-key:${settings.DATABASE_URL}`, () => settings.SECRET_KEY ?? readOrCreateKeyFile(secretKeyFile()));
  return processSingleton(`secret-key:${settings.DATABASE_URL}:${purpose}`, () => deriveSecretKey(master, purpose));
}

/** One purpose's key from the master key, as every process derives it. */
export function deriveSecretKey(master: string, purpose: SecretPurpose): Buffer {
  return Buffer.from(hkdfSync("sha256", master, "countersign", purpose, 32));
}
