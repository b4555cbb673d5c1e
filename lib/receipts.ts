import { randomBytes } from "node:crypto";

/**
 * A new signature's receipt salt: with the address, it makes the commitment its count-log entry publishes. A repeat or a
 * suspected signature's answer carries a fresh one too, matching no entry, so a receipt link never tells whether an
 * address had signed.
 */
export const newReceiptSalt = (): string => randomBytes(32).toString("hex");
