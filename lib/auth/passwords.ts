import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { ConcurrencyGate } from "../concurrency-gate";
import { processWide } from "../process-wide";

// OWASP's minimum for scrypt: N=2^17, r=8, p=1. It needs 128 MiB, above Node's default cap.
const params = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 };
const keyLength = 32;

/**
 * Each derivation holds 128 MiB and a thread of libuv's pool (4 in all, shared with file and DNS
 * work). Two at a time keeps a flood of sign-ins to about 256 MiB; a few more may wait briefly, and
 * the rest are told to try again rather than queued without bound.
 */
const derivations = processWide("password-derivations", () => new ConcurrencyGate(2, 8, 3_000));

export type PasswordCheck = "match" | "mismatch" | "busy";

function derive(password: string, salt: Buffer, options: ScryptOptions) {
  return derivations().run(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        scrypt(password.normalize("NFKC"), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))),
      ),
  );
}

/** A self-describing hash: `scrypt$N$r$p$salt$key`, so stronger parameters can come later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const derived = await derive(password, salt, params);
  if (!derived.ok) throw new Error("too many passwords are being checked right now to hash another; try again in a moment");
  return ["scrypt", params.N, params.r, params.p, salt.toString("base64"), derived.value.toString("base64")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<PasswordCheck> {
  const [scheme, n, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !key) return "mismatch";
  const expected = Buffer.from(key, "base64");
  const derived = await derive(password, Buffer.from(salt, "base64"), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: params.maxmem,
  });
  if (!derived.ok) return "busy";
  return derived.value.length === expected.length && timingSafeEqual(derived.value, expected) ? "match" : "mismatch";
}
