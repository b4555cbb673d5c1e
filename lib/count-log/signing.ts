import { hkdfSync } from "node:crypto";
import { config } from "../config";
import { secretKey } from "../secrets";
import { checkpointText, noteSigner, signNote, verifierKey, type NoteSigner } from "./note-signer";

/**
 * The origin a campaign's log takes at its first entry (and keeps: its commitments are made with it): the public host, then
 * `/log/<slug>`. Without PUBLIC_URL it is `localhost`, never a port: processes on several ports (and a restart on another)
 * must name one log alike. The README says to set PUBLIC_URL before going live.
 */
export function logOrigin(slug: string): string {
  const publicUrl = config().PUBLIC_URL;
  return `${publicUrl ? new URL(publicUrl).host : "localhost"}/log/${slug}`;
}

const signers = new Map<string, NoteSigner>();

/** The log's Ed25519 key, derived from SECRET_KEY (or its key file) and the origin: every process signs alike, and a copy of
 * the database alone cannot sign. */
export function logSigner(origin: string): NoteSigner {
  let signer = signers.get(origin);
  if (!signer) {
    const seed = Buffer.from(hkdfSync("sha256", secretKey("count-log"), "countersign-log-key", origin, 32));
    signers.set(origin, (signer = noteSigner(origin, seed)));
  }
  return signer;
}

export const signedCheckpoint = (origin: string, size: number, root: Uint8Array): string => signNote(checkpointText(origin, size, root), logSigner(origin));

export const logVerifierKey = (origin: string): string => verifierKey(logSigner(origin));
