import pino, { type DestinationStream, type LevelWithSilent, type Logger } from "pino";
import { clientAddressHeader } from "./client-address";
import { config } from "./config";
import { processWide } from "./process-wide";

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
]);

// An address as our forms accept it (and in any script), or percent-encoded in a URL. The top-level
// domain must start with a letter, so versions in stack traces (next@16.4.6) are left alone.
const emailPattern = /[\p{L}\p{M}\p{N}._%+'-]+(?:@|%40)(?:(?:[\p{L}\p{M}\p{N}-]+\.)+\p{L}[\p{L}\p{M}\p{N}-]*|\[[^\]\s]*\])/giu;
const octet = String.raw`(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)`;
const ipv4Pattern = new RegExp(String.raw`(?<![\d.])(?:${octet}\.){3}${octet}(?!\.?\d)`, "g");
// Full (eight groups) or compressed (with "::"); times such as 12:34:56 have neither.
const group = "[0-9a-f]{1,4}";
const ipv6Pattern = new RegExp(
  String.raw`(?<![0-9a-z:])(?:(?:${group}:){7}${group}|(?:${group}(?::${group}){0,6})?::(?:${group}(?::${group}){0,6})?)(?![0-9a-z:])`,
  "gi",
);

/** Text with every email and IP address in it replaced, since error messages quote both. */
function scrubText(text: string): string {
  // IPv4 first: "::ffff:192.0.2.1" then leaves only "::ffff:", which says nothing.
  return text.replace(emailPattern, "[email]").replace(ipv4Pattern, "[ip]").replace(ipv6Pattern, "[ip]");
}

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
  return createLogger(config().LOG_LEVEL, logDestination(1));
});
