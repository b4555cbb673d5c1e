import { inspect } from "node:util";
import { standardDestination } from "./log";
import { processWide } from "./process-wide";
import { scrubText } from "./scrub";

type Callback = (error?: Error | null) => void;

/**
 * A replacement for a standard stream's write: each chunk scrubbed (lib/scrub.ts) and handed to
 * the process's writer on that descriptor, which never blocks and drops what a stalled reader
 * leaves past its bound. It always reports the write done, so no caller waits for a drain.
 */
function scrubbedWrite(fd: 1 | 2) {
  return (chunk: Uint8Array | string, encoding?: BufferEncoding | Callback, callback?: Callback): boolean => {
    const done = typeof encoding === "function" ? encoding : callback;
    try {
      const text = typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8") : Buffer.from(chunk);
      standardDestination(fd).write(scrubText(text.toString("utf8")));
    } catch {
      // Output that cannot be written is lost, never an error for whoever logged it.
    }
    if (done) process.nextTick(done);
    return true;
  };
}

/**
 * Node prints an uncaught error itself, straight to the descriptor, unless someone listens. Next.js
 * listens once it loads (it logs the error through console.error and carries on); until then this
 * prints it, scrubbed, and ends the process as Node would have.
 */
function lastResort(error: unknown, origin: NodeJS.UncaughtExceptionOrigin): void {
  if (process.listenerCount("uncaughtException") > 1) return;
  process.stderr.write(`${origin === "unhandledRejection" ? "Unhandled rejection" : "Uncaught exception"}: ${inspect(error)}\n`);
  process.exit(1);
}

/**
 * Routes every line the process writes to stdout and stderr (console.*, Next.js's own output,
 * uncaught errors, worker threads' output) through the scrubber the logger uses, so none carries an
 * email or IP address or a link's token. Called by the start script before Next.js loads; once.
 */
export const routeStandardStreams: () => void = processWide("standard-streams", () => {
  process.stdout.write = scrubbedWrite(1) as typeof process.stdout.write;
  process.stderr.write = scrubbedWrite(2) as typeof process.stderr.write;
  process.on("uncaughtException", lastResort);
});
