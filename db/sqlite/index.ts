// SQLite's implementation of the store (lib/store-contract.ts), under the same names as
// db/postgres/index.ts. db/store.ts picks one of the two at start.
export { insertSeedSignatures } from "./bulk-seed";
export { fillTimeHistogram, referralSummary, signatureTimeSeries, signaturesByCountry } from "./chart-store";
export {
  beginSignatureImport,
  beginUndoSignatureImport,
  countImportedSignatures,
  deleteImportedSignatures,
  deleteStaleImports,
  dropStaleImportFiles,
  findSignatureImport,
  findSignedEmailKeys,
  finishSignatureImport,
  finishUndoSignatureImport,
  insertImportedSignatures,
  insertSignatureImport,
  listSignatureImports,
} from "./import-store";
export { countVerification, listSignerNames } from "./delivery-store";
export { countMatchingSignatures, invalidateSignatures, releaseSuspected } from "./invalidation-store";
export { createCampaign, updateCampaign } from "./campaign-store";
export { claimJobRun } from "./job-store";
export { fillMissingNameKeys } from "./name-key-store";
export {
  addBlockedEmail,
  listAuditEvents,
  listBlockedEmails,
  recordAuditEvent,
  removeBlockedEmail,
} from "./moderation-store";
export { claimDueMail, countUnsentMail, enqueueMail, listMailProblems, markMailFailed, markMailSent } from "./outbox-store";
export {
  findCampaign,
  listCampaigns,
  publishPendingFigures,
  readCampaignStanding,
  readCampaignTitles,
  recountCampaigns,
  setRequireConfirmation,
  upsertCampaign,
} from "./campaign-row-store";
export { rateLimiter } from "./rate-limit-store";
export { clearClientAddresses, deleteExpiredLimits, deleteOldMail, deleteUnconfirmable } from "./retention-store";
export { exportSignatureCsv } from "./signature-export";
export { searchSignatures } from "./signature-search-store";
export {
  confirmByCode,
  confirmByToken,
  countConfirmedReferrals,
  countSignaturesSince,
  eraseSignatures,
  findConfirmationByToken,
  findSignatureForWithdrawal,
  findSignaturesByEmailKey,
  insertSignature,
  listRecentPublicSigners,
} from "./signature-store";
export {
  changeOrganiserRole,
  deleteExpiredSessions,
  deleteSession,
  findOrganiserByEmail,
  findSessionOrganiser,
  insertOrganiser,
  insertSession,
  listOrganisers,
  removeOrganiser,
} from "./organiser-store";
export { acceptInvitation, findInvitationByToken, insertInvitation, listOpenInvitations, revokeInvitation } from "./invitation-store";
export {
  claimUpdateMail,
  countUpdateRecipients,
  insertUpdate,
  listPublicUpdates,
  listUnqueuedUpdates,
  listUpdates,
  queueUpdateBatch,
  unsubscribeFromUpdates,
} from "./update-store";
