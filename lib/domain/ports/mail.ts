import type { QueuedMail, MailProblem, OutboxMessage } from "../model";

/** The outbox: mail queued in the transaction that called for it, sent after it commits. */
export interface MailStore {
  enqueueMail(draft: QueuedMail, now: Date): Promise<void>;
  claimDueMail(now: Date, limit: number, leaseMs: number): Promise<OutboxMessage[]>;
  markMailSent(id: number, now: Date): Promise<void>;
  markMailFailed(id: number, error: string, now: Date, retryAt: Date | undefined): Promise<void>;
  listMailProblems(limit: number): Promise<MailProblem[]>;
  countUnsentMail(): Promise<number>;
}
