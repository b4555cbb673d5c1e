import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startSmtpSink } from "../../test/smtp-sink";

/** Addresses the test mail server refuses for good (a test takes one with `refused-${uniqueEmail}`). */
export const refusedMailboxes = /^refused-/;

export type DroppedMail = { to: string; subject: string; text: string; headers: Record<string, string> };

/**
 * A real SMTP server for the browser tests, in the Playwright runner's process: the unit tests'
 * sink, with each message it accepts also written as a JSON file, so tests in worker processes can
 * read their own mail. Mailboxes named refused-… do not exist there: delivery to them fails for
 * good, with the server's answer quoting the address, as a mistyped address bounces.
 */
export async function startMailDrop(dir: string): Promise<{ port: number; stop: () => Promise<void> }> {
  mkdirSync(dir, { recursive: true });
  let received = 0;
  const sink = await startSmtpSink({
    refuseMailboxes: refusedMailboxes,
    onMessage: (mail) => {
      const message: DroppedMail = { to: mail.to.join(","), subject: mail.subject, text: mail.text, headers: mail.headers };
      // Written under another name and renamed into place: a test polling the folder once read a message half written.
      const file = path.join(dir, `${Date.now()}-${++received}.json`);
      writeFileSync(`${file}.part`, JSON.stringify(message));
      renameSync(`${file}.part`, file);
    },
  });
  return { port: Number(new URL(sink.url).port), stop: sink.stop };
}

/** The messages delivered to an address so far, oldest first. */
export function mailTo(dir: string, address: string): DroppedMail[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }))
    .map((file) => JSON.parse(readFileSync(path.join(dir, file), "utf8")) as DroppedMail)
    .filter((mail) => mail.to.toLowerCase().split(",").includes(address.toLowerCase()));
}
