import { stores } from "@/lib/stores";
import { config } from "../config";
import { logger } from "../log";
import { processWide } from "../process-wide";
import { prepareDelivery } from "../updates/delivery";
import type { UpdateDelivery } from "../domain/update";
import type { OutboxMessage } from "../domain/model";
import { openMailBody } from "./sealed-mail";
import { mailTransport } from "./transport";

// Waits after the 1st, 2nd, … failed attempt; after the last the message is given up and shown to organisers.
const retryDelaysMs = [30_000, 2 * 60_000, 10 * 60_000, 60 * 60_000, 6 * 60 * 60_000];
const leaseMs = 2 * 60_000;
const batchSize = 20;
const unreadableError =
  "Not sent: it was sealed under an earlier SECRET_KEY and cannot be opened with this one. A signer can sign again for a new link; an invitation can be sent again.";

/**
 * Sends queued mail in the background. Signing only queues a message inside its transaction; this
 * sends it afterwards, so a slow or failing SMTP server never loses or delays a signature.
 */
export class MailWorker {
  private running?: Promise<void>;
  private again = false;
  private timer?: NodeJS.Timeout;
  private paced?: NodeJS.Timeout;

  /** Sends what is due now, soon; repeated calls while a run is going fold into one more run. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  /** Also looks every `intervalMs` for retries that have come due. */
  start(intervalMs = 15_000): void {
    this.timer ??= setInterval(() => this.kick(), intervalMs).unref();
    this.kick();
  }

  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    const transport = mailTransport();
    if (!transport) return;
    const from = config().MAIL_FROM;
    for (;;) {
      // Signers' own mail first; updates fill what is left of the batch, at the configured rate.
      const batch = await stores().mail.claimDueMail(new Date(), batchSize, leaseMs);
      const updates =
        batch.length < batchSize
          ? await stores().updates.claimUpdateMail(new Date(), batchSize - batch.length, leaseMs, config().UPDATE_SEND_PER_MINUTE)
          : { deliveries: [] };
      if (batch.length === 0 && updates.deliveries.length === 0) {
        if (updates.nextAt) this.kickAt(updates.nextAt);
        return;
      }
      await Promise.all([
        ...batch.map((message) => this.sendSealed(message, (text) => transport.sendMail({ from, to: message.toAddress, subject: message.subject, text }))),
        ...updates.deliveries.map((delivery) => this.attempt({ ...delivery, kind: "update" }, () => this.sendUpdate(delivery))),
      ]);
    }
  }

  /** Opens the body only now, to send it; one that will not open is given up at once, since no retry can open it. */
  private async sendSealed(message: OutboxMessage, send: (text: string) => Promise<unknown>): Promise<void> {
    const opened = openMailBody(message);
    if (opened.kind === "open") return this.attempt(message, () => send(opened.body));
    logger().error({ mailId: message.id, kind: message.kind }, "a queued message's body would not open: sealed under another SECRET_KEY");
    await stores().mail.markMailFailed(message.id, unreadableError, new Date(), undefined);
  }

  private async sendUpdate(delivery: UpdateDelivery): Promise<unknown> {
    const { draft, headers } = await prepareDelivery(delivery);
    return mailTransport()!.sendMail({ from: config().MAIL_FROM, to: draft.toAddress, subject: draft.subject, text: draft.body, headers });
  }

  private async attempt(message: { id: number; kind: string; attempts: number }, send: () => Promise<unknown>): Promise<void> {
    try {
      await send();
      await stores().mail.markMailSent(message.id, new Date());
    } catch (error) {
      const delay = retryDelaysMs[message.attempts - 1];
      const reason = error instanceof Error ? error.message : String(error);
      logger().error({ err: error, mailId: message.id, kind: message.kind, attempt: message.attempts }, "sending mail failed");
      await stores().mail.markMailFailed(message.id, reason, new Date(), delay === undefined ? undefined : new Date(Date.now() + delay));
    }
  }

  /** Comes back when the update rate next lets a message go. */
  private kickAt(at: Date): void {
    clearTimeout(this.paced);
    this.paced = setTimeout(() => this.kick(), Math.max(0, at.getTime() - Date.now())).unref();
  }
}

export const mailWorker: () => MailWorker = processWide("mail-worker", () => new MailWorker());
