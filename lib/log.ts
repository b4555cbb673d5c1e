import pino, { type DestinationStream, type LevelWithSilent, type Logger } from "pino";
import { clientAddressHeader } from "./client-address";
import { config } from "./config";
import { processWide } from "./process-wide";
import { scrubText } from "./scrub";

/**
 * Keys whose values never reach a log line, at any depth (pino's own redaction paths fix the
 * depth): who a signer is and where they are, and secrets. Compared in lower case.
 */
const redactedKeys = new Set([
  "email",
  "toaddress",
  "to",
  "envelope",
  "accepted",
  "rejected",
  "address",
  "clientaddress",
  clientAddressHeader,
  "ip",
  "remoteaddress",
  "x-forwarded-for",
  "x-real-ip",
  "cf-connecting-ip",
  "forwarded",
  "password",
  "cookie",
  "authorization",
  // A failed query's values (drizzle's DrizzleQueryError).
  "params",
]);

/** Every string and key of a finished JSON line scrubbed, so nothing a serializer added escapes it. */
function scrubLine(line: string): string {
  const scrubbed: unknown = JSON.parse(line, (key, value: unknown) => {
    if (redactedKeys.has(key.toLowerCase())) return "[redacted]";
    if (typeof value === "string") return scrubText(value);
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [scrubText(k), v]));
    }
    return value;
  });
  return `${JSON.stringify(scrubbed)}\n`;
}

/** A logger writing scrubbed JSON lines to a destination (a test passes its own). */
export function createLogger(level: LevelWithSilent, destination: DestinationStream): Logger {
  // Lines are few (errors, start-up), so parsing each once more costs nothing that matters.
  return pino({ level, hooks: { streamWrite: scrubLine } }, destination);
}

// Beyond this much unwritten output, while the reader is stalled, new lines are dropped.
const maxBufferedBytes = 1024 * 1024;

/**
 * An asynchronous writer on a file descriptor: a full or closed pipe never blocks the event loop.
 * Its write errors are swallowed, since there is nowhere left to report them and a log line is not
 * worth a request; on EPIPE pino stops writing to it altogether.
 */
export function logDestination(fd: number) {
  const destination = pino.destination({ dest: fd, sync: false, maxLength: maxBufferedBytes });
  destination.on("error", () => {});
  return destination;
}

const stdoutDestination = processWide("stdout-destination", () => logDestination(1));
const stderrDestination = processWide("stderr-destination", () => logDestination(2));

/**
 * The process's one writer on standard output (1) or standard error (2): the logger's lines and
 * everything else written there (lib/standard-streams.ts) share it, so they interleave whole.
 */
export const standardDestination = (fd: 1 | 2) => (fd === 1 ? stdoutDestination() : stderrDestination());

/**
 * Next.js logs through console. A write to a closed stdout or stderr emits EPIPE there; unheard,
 * it becomes an uncaught exception, which Next.js's handler logs to the same closed stream, which
 * emits EPIPE again: the process spins for ever and answers nothing. Heard, it is only lost output.
 */
function ignoreStandardStreamErrors(): void {
  for (const stream of [process.stdout, process.stderr]) stream.on("error", () => {});
}

/**
 * The process's one logger: JSON lines on stdout, at LOG_LEVEL. Making it also makes a closed
 * stdout or stderr harmless; the start script makes it before Next.js loads.
 */
export const logger: () => Logger = processWide("logger", () => {
  ignoreStandardStreamErrors();
  return createLogger(config().LOG_LEVEL, standardDestination(1));
});
