// The count log's sequencer thread (lib/count-log/sequencer-thread.ts): its own copy of the stores over its own connection,
// placing entries about once a second until the server's thread asks it to stop.
import "./node-env";
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { openDatabase } from "@/db/open";
import { logSequencer } from "@/lib/count-log/sequencer";
import type { SequencerMessage } from "@/lib/count-log/sequencer-thread";
import { logger } from "@/lib/log";
import { routeStandardStreams } from "@/lib/standard-streams";
import { closeStores, openStores } from "@/lib/stores";

async function main() {
  routeStandardStreams();
  // Signers wait on their answers, and the log on nothing but its lag: below them, but not at the bottom, so that under a
  // surge that takes every core the log still gets about a tenth of one and keeps up. On Linux this lowers this thread alone.
  setPriority(10);
  await openStores(openDatabase);
  logSequencer().start();
  parentPort!.once("message", (message: SequencerMessage) => {
    if (message !== "stop") return;
    logSequencer().stop();
    void logSequencer()
      .idle()
      .then(closeStores)
      .catch((error: unknown) => logger().error({ err: error }, "closing the count log's sequencer thread failed"))
      .finally(() => parentPort!.close());
  });
}

main().catch((error: unknown) => {
  logger().fatal({ err: error }, "the count log's sequencer thread could not start");
  process.exit(1);
});
