// The one door from lib/ to the database. Today it opens onto SQLite; a PostgreSQL store will sit
// beside db/sqlite/ with the same exported names, chosen by DATABASE_URL.
export {
  findPetition,
  listPetitions,
  publishPendingFigures,
  readPetitionCount,
  setRequireConfirmation,
  upsertPetition,
  type PetitionContent,
  type PetitionCount,
} from "./sqlite/petition-store";
export {
  confirmByCode,
  confirmByToken,
  countSignaturesSince,
  eraseSignatures,
  findConfirmationByToken,
  findSignatureForWithdrawal,
  findSignaturesByEmailKey,
  insertSignature,
  listLatestSignatures,
  listRecentPublicSigners,
  signatureIdRange,
  type ConfirmationSecret,
  type ConfirmOutcome,
  type ExistingSignature,
  type InsertOutcome,
  type RepeatPlan,
  type SignatureValues,
} from "./sqlite/signature-store";
export {
  countMatchingSignatures,
  invalidateSignatures,
  releaseSuspected,
  type Release,
  type SignatureFilter,
  type SuspectedSignature,
} from "./sqlite/invalidation-store";
export {
  claimDueMail,
  countUnsentMail,
  listMailProblems,
  markMailFailed,
  markMailSent,
  type MailDraft,
} from "./sqlite/outbox-store";
export {
  addBlockedEmail,
  isEmailBlocked,
  listAuditEvents,
  listBlockedEmails,
  recordAuditEvent,
  removeBlockedEmail,
  type BlockKind,
} from "./sqlite/moderation-store";
export { clearClientAddresses, deleteExpiredLimits, deleteOldMail, deleteUnconfirmable } from "./sqlite/retention-store";
export { rateLimiter, type RateLimiterOptions } from "./sqlite/rate-limit-store";
export { claimJobRun } from "./sqlite/job-store";
export {
  deleteExpiredSessions,
  deleteSession,
  findAdminByEmail,
  findSessionAdmin,
  insertAdmin,
  insertSession,
} from "./sqlite/admin-store";
export { insertSeedSignatures } from "./sqlite/bulk-seed";
export { closeDatabase, databaseFile } from "./sqlite/client";
export { migrateDatabase } from "./sqlite/migrate";
export { backupDatabase } from "./sqlite/backup";
export { walScrubber } from "./sqlite/wal-scrub";
export type { Admin, AuditEvent, Petition, Signature, SignatureStatus } from "./sqlite/schema";
export { signatureStatuses } from "./sqlite/schema";
