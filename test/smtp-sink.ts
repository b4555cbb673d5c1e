// A real SMTP server inside the test process: the app's mail goes over a socket through nodemailer,
// exactly as in production, and lands here to be read the way a signer's inbox would show it.
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = {
  to: string[];
  subject: string;
  text: string;
  /** Each header's raw value, by lower-case name (the last, where one repeats). */
  headers: Record<string, string>;
};

export type SmtpSink = {
  url: string;
  /** Everything accepted so far, in order of arrival. */
  messages: ReceivedMail[];
  /** Recipients of the deliveries refused so far. */
  refused: string[][];
  /** Messages delivered to an address so far, compared as a mailbox does: case and spaces aside. */
  received(address: string): ReceivedMail[];
  /** The `nth` message (1-based) to an address, once it has arrived. */
  waitFor(address: string, nth?: number, timeoutMs?: number): Promise<ReceivedMail>;
  /** Refuses the next `count` deliveries with a temporary SMTP error, as a busy server would. */
  refuseNext(count: number): void;
  /** Refuses every recipient matching `mailboxes` for good, quoting the address as a real server does. */
  refuseMailboxes(mailboxes: RegExp): void;
  /** Keeps the server's final "250 OK" back, as a slow server would; the message is already readable. */
  holdReplies(): void;
  releaseReplies(): void;
  stop(): Promise<void>;
};

const mailbox = (address: string) => address.trim().toLowerCase();

export async function startSmtpSink(
  options: {
    refuseFirst?: number;
    /** Recipients refused for good (refuseMailboxes). */
    refuseMailboxes?: RegExp;
    /** Called with each message accepted. */
    onMessage?: (mail: ReceivedMail) => void;
  } = {},
): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const refused: string[][] = [];
  const waiters = new Set<() => void>();
  let toRefuse = options.refuseFirst ?? 0;
  let held: (() => void)[] | undefined;
  let unknownMailboxes = options.refuseMailboxes;

  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    // Nodemailer upgrades to TLS whenever it is offered; a sink on localhost has no certificate.
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!unknownMailboxes?.test(address.address)) return callback();
      refused.push([mailbox(address.address)]);
      callback(Object.assign(new Error(`5.1.1 <${address.address}>: Recipient address rejected: User unknown in virtual mailbox table`), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((rcpt) => mailbox(rcpt.address));
      simpleParser(stream)
        .then((parsed) => {
          if (toRefuse > 0) {
            toRefuse -= 1;
            refused.push(to);
            callback(Object.assign(new Error("Mailbox busy, try again later"), { responseCode: 451 }));
            return;
          }
          const headers = Object.fromEntries(parsed.headerLines.map((h) => [h.key, h.line.slice(h.line.indexOf(":") + 1).replace(/\r?\n[ \t]+/g, " ").trim()]));
          const mail = { to, subject: parsed.subject ?? "", text: parsed.text ?? "", headers };
          messages.push(mail);
          options.onMessage?.(mail);
          if (held) held.push(() => callback());
          else callback();
          for (const wake of waiters) wake();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;

  const received = (address: string) => messages.filter((m) => m.to.includes(mailbox(address)));

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    refused,
    received,
    waitFor(address, nth = 1, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = received(address)[nth - 1];
          if (!found) return;
          finish();
          resolve(found);
        };
        const timer = setTimeout(() => {
          finish();
          const got = received(address).map((m) => m.subject);
          reject(new Error(`message ${nth} to ${address} did not arrive in ${timeoutMs} ms; got ${JSON.stringify(got)}`));
        }, timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    refuseNext(count) {
      toRefuse = count;
    },
    refuseMailboxes(mailboxes) {
      unknownMailboxes = mailboxes;
    },
    holdReplies() {
      held ??= [];
    },
    releaseReplies() {
      const replies = held ?? [];
      held = undefined;
      for (const reply of replies) reply();
    },
    stop: () => new Promise<void>((resolve) => server.close(resolve)),
  };
}

export const publicUrl = "https://sign.example.org";

/** Points the app's mail at the sink; call before anything reads config(), which is read once. */
export function sendMailTo(sink: SmtpSink): void {
  process.env.SMTP_URL = sink.url;
  process.env.MAIL_FROM = "Countersign <petitions@sign.example.org>";
  process.env.PUBLIC_URL = publicUrl;
}

/** A sink the app sends its mail to: for a test file's `vi.hoisted`, before any module reads config(). */
export async function startMailServerForApp(): Promise<SmtpSink> {
  const sink = await startSmtpSink();
  sendMailTo(sink);
  return sink;
}

const escaped = publicUrl.replace(/[.]/g, "\\.");

/**
 * What a signer can act on in an email: the confirm link's token, the code, the withdraw link's
 * token, and the language the links' pages speak (every link of one email carries the same).
 */
export function linksIn(mail: ReceivedMail) {
  return {
    confirmToken: new RegExp(`${escaped}/[a-z]{2}/confirm/([A-Za-z0-9_-]+)`).exec(mail.text)?.[1],
    code: /^\d{6}$/m.exec(mail.text)?.[0],
    withdrawToken: new RegExp(`${escaped}/[a-z]{2}/withdraw/(\\S+)`).exec(mail.text)?.[1],
    locale: new RegExp(`${escaped}/([a-z]{2})/`).exec(mail.text)?.[1],
  };
}
