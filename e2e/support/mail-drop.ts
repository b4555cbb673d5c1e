import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type DroppedMail = { to: string; subject: string; text: string };

/**
 * A real SMTP server for the browser tests, in the Playwright runner's process. Each message it
 * receives is written as a JSON file, so tests in worker processes can read their own mail.
 */
export async function startMailDrop(dir: string): Promise<{ port: number; stop: () => Promise<void> }> {
  mkdirSync(dir, { recursive: true });
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, done) {
      simpleParser(stream)
        .then((mail) => {
          const to = [mail.to].flat().flatMap((a) => a?.value ?? []).map((a) => a.address ?? "");
          const message: DroppedMail = { to: to.join(","), subject: mail.subject ?? "", text: mail.text ?? "" };
          writeFileSync(path.join(dir, `${Date.now()}-${++received}.json`), JSON.stringify(message));
          done();
        })
        .catch((error: Error) => done(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  if (!address || typeof address === "string") throw new Error("the mail drop has no port");
  return { port: address.port, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The messages delivered to an address so far, oldest first. */
export function mailTo(dir: string, address: string): DroppedMail[] {
  return readdirSync(dir)
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }))
    .map((file) => JSON.parse(readFileSync(path.join(dir, file), "utf8")) as DroppedMail)
    .filter((mail) => mail.to.toLowerCase().split(",").includes(address.toLowerCase()));
}
