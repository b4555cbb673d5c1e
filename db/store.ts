// The one door from lib/ to the database: the store (lib/store-contract.ts) of the dialect that
// DATABASE_URL names, chosen once when this module loads. Nothing outside db/ knows which it is.
import { config } from "@/lib/config";
import type { Store } from "@/lib/store-contract";
import * as postgres from "./postgres";
import * as sqlite from "./sqlite";

const dialects: Record<"sqlite" | "postgres", Store> = { sqlite, postgres };

const store: Store = dialects[config().DATABASE_URL.startsWith("file:") ? "sqlite" : "postgres"];

export const {
  addBlockedEmail,
  backupDatabase,
  claimDueMail,
  claimJobRun,
  clearClientAddresses,
  closeDatabase,
  confirmByCode,
  confirmByToken,
  countConfirmedReferrals,
  countMatchingSignatures,
  countSignaturesSince,
  countUnsentMail,
  databaseReady,
  deleteExpiredLimits,
  deleteExpiredSessions,
  deleteOldMail,
  deleteSession,
  deleteUnconfirmable,
  erasedDataSettled,
  eraseSignatures,
  exportSignatureCsv,
  findAdminByEmail,
  findConfirmationByToken,
  findPetition,
  findSessionAdmin,
  findSignatureForWithdrawal,
  findSignaturesByEmailKey,
  insertAdmin,
  insertSeedSignatures,
  insertSession,
  insertSignature,
  invalidateSignatures,
  listAuditEvents,
  listBlockedEmails,
  listLatestSignatures,
  listMailProblems,
  listPetitions,
  listRecentPublicSigners,
  markMailFailed,
  markMailSent,
  migrateDatabase,
  onPublicChange,
  publishPendingFigures,
  rateLimiter,
  readPetitionCount,
  readPetitionTitles,
  recordAuditEvent,
  recountPetitions,
  releaseSuspected,
  removeBlockedEmail,
  secretKeyLocation,
  setRequireConfirmation,
  startBackgroundWork,
  upsertPetition,
} = store;
