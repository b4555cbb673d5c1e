import { stores } from "./stores";
import { recordAudit } from "./audit";
import { config } from "./config";
import { confirmationLifetimeMs } from "./confirmation-secrets";

const dayMs = 24 * 60 * 60 * 1000;

/** How long mail records are kept: a day covers the "already signed" note's once-a-day check. */
export const mailRecordDays = { sent: 7, failed: 30 } as const;

export type RetentionReport = {
  unconfirmed: number;
  clientAddresses: number;
  mailRecords: number;
  limitRecords: number;
  sessions: number;
};

/**
 * Deletes what is no longer needed, as /privacy promises: signatures whose confirmation link has
 * expired, client addresses older than CLIENT_ADDRESS_RETENTION_DAYS (counts are untouched), mail
 * and limit records, expired organiser sessions. Recorded in the audit log as counts only.
 */
export async function applyRetention(now = new Date()): Promise<RetentionReport> {
  const report: RetentionReport = {
    unconfirmed: await stores().housekeeping.deleteUnconfirmable(now, confirmationLifetimeMs),
    clientAddresses: await stores().housekeeping.clearClientAddresses(new Date(now.getTime() - config().CLIENT_ADDRESS_RETENTION_DAYS * dayMs)),
    mailRecords: await stores().housekeeping.deleteOldMail(new Date(now.getTime() - mailRecordDays.sent * dayMs), new Date(now.getTime() - mailRecordDays.failed * dayMs)),
    limitRecords: await stores().housekeeping.deleteExpiredLimits(now),
    sessions: await stores().organisers.deleteExpiredSessions(now),
  };
  await recordAudit({
    actor: "Countersign",
    action: "retention",
    detail: [
      `${report.unconfirmed} unconfirmed signatures past their link deleted`,
      `${report.clientAddresses} client addresses cleared`,
      `${report.mailRecords} mail records deleted`,
      `${report.limitRecords} expired limit records deleted`,
      `${report.sessions} expired sessions deleted`,
    ].join(", "),
    rowCount: Object.values(report).reduce((sum, n) => sum + n, 0),
  });
  return report;
}
