// The one door from lib/ to the database. Today it opens onto SQLite; a PostgreSQL store will sit
// beside db/sqlite/ with the same exported names, chosen by DATABASE_URL.
export {
  adjustCounts,
  findPetition,
  listPetitions,
  readPetitionCount,
  setRequireConfirmation,
  upsertPetition,
  type PetitionContent,
  type PetitionCount,
} from "./sqlite/petition-store";
export {
  confirmByCode,
  confirmByToken,
  countInvalidationMatches,
  countSignaturesSince,
  eraseSignatures,
  findConfirmationByToken,
  findSignatureForWithdrawal,
  findSignaturesByEmailKey,
  insertSignature,
  invalidateSignatures,
  listLatestSignatures,
  listRecentPublicSigners,
  signatureIdRange,
  renewConfirmation,
  withdrawSignature,
  type ConfirmationSecret,
  type ConfirmOutcome,
  type InsertOutcome,
  type InvalidationFilter,
  type SignatureValues,
} from "./sqlite/signature-store";
export {
  claimDueMail,
  countMailSince,
  countUnsentMail,
  enqueueMail,
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
export { appSecret, clearLoginThrottle, countLoginFailure, readLoginThrottle } from "./sqlite/security-store";
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
export type { Admin, AuditEvent, Petition, Signature, SignatureStatus } from "./sqlite/schema";
export { signatureStatuses } from "./sqlite/schema";
