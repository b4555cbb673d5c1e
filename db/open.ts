// The one door to the database: opens the dialect DATABASE_URL names (loading only its driver) and
// builds every store over it.
import type { Stores } from "@/lib/domain/ports/stores";

export type DatabaseSettings = { url: string; poolSize: number; sqliteSynchronous: "FULL" | "NORMAL" };
/** What the database layer logs through: the app's logger, or any with the same three calls. */
export type DatabaseLog = Record<"info" | "warn" | "error", (fields: object, message: string) => void>;

import type { ChartFigures } from "./chart-figures";
import { chartStore } from "./chart-store";
import type { Dialect } from "./dialect";
import { mailStore } from "./mail-store";
import { nameKeyFiller } from "./name-key-store";
import { searchSignaturePage, type SearchDialect } from "./signature-search";
import { signatureStore, type OwnSignatureWork } from "./signature-store";

/**
 * What each database keeps of its own, built by its open function beside its dialect, over its own
 * connections: the charts' figures, the search's queries, the export and the bulk seed.
 */
export type OwnWork = {
  charts: ChartFigures;
  search: SearchDialect;
  signatures: Pick<OwnSignatureWork, "exportSignatureCsv" | "insertSeedSignatures">;
};

type Legacy = typeof import("./sqlite") | typeof import("./postgres");

// Transitional: each feature's store comes from the dialect's own module until it is written once.
function grouped(dialect: Dialect, own: OwnWork, s: Legacy): Stores {
  return {
    database: dialect.lifecycle,
    campaigns: {
      upsertCampaign: s.upsertCampaign,
      createCampaign: s.createCampaign,
      updateCampaign: s.updateCampaign,
      findCampaign: s.findCampaign,
      readCampaignStanding: s.readCampaignStanding,
      readCampaignTitles: s.readCampaignTitles,
      listCampaigns: s.listCampaigns,
      setRequireConfirmation: s.setRequireConfirmation,
      publishPendingFigures: s.publishPendingFigures,
      recountCampaigns: s.recountCampaigns,
    },
    signatures: signatureStore(dialect, {
      ...own.signatures,
      searchSignatures: (search, page) => searchSignaturePage(own.search, search, page),
      fillMissingNameKeys: nameKeyFiller(dialect),
    }),
    imports: {
      insertSignatureImport: s.insertSignatureImport,
      findSignatureImport: s.findSignatureImport,
      listSignatureImports: s.listSignatureImports,
      countImportedSignatures: s.countImportedSignatures,
      findSignedEmailKeys: s.findSignedEmailKeys,
      beginSignatureImport: s.beginSignatureImport,
      insertImportedSignatures: s.insertImportedSignatures,
      finishSignatureImport: s.finishSignatureImport,
      beginUndoSignatureImport: s.beginUndoSignatureImport,
      deleteImportedSignatures: s.deleteImportedSignatures,
      finishUndoSignatureImport: s.finishUndoSignatureImport,
      deleteStaleImports: s.deleteStaleImports,
      dropStaleImportFiles: s.dropStaleImportFiles,
    },
    charts: chartStore(dialect, own.charts),
    moderation: {
      countMatchingSignatures: s.countMatchingSignatures,
      invalidateSignatures: s.invalidateSignatures,
      releaseSuspected: s.releaseSuspected,
      addBlockedEmail: s.addBlockedEmail,
      removeBlockedEmail: s.removeBlockedEmail,
      listBlockedEmails: s.listBlockedEmails,
      recordAuditEvent: s.recordAuditEvent,
      listAuditEvents: s.listAuditEvents,
    },
    mail: mailStore(dialect),
    updates: {
      insertUpdate: s.insertUpdate,
      listUpdates: s.listUpdates,
      listPublicUpdates: s.listPublicUpdates,
      countUpdateRecipients: s.countUpdateRecipients,
      queueUpdateBatch: s.queueUpdateBatch,
      listUnqueuedUpdates: s.listUnqueuedUpdates,
      claimUpdateMail: s.claimUpdateMail,
      unsubscribeFromUpdates: s.unsubscribeFromUpdates,
    },
    organisers: {
      findOrganiserByEmail: s.findOrganiserByEmail,
      insertOrganiser: s.insertOrganiser,
      listOrganisers: s.listOrganisers,
      changeOrganiserRole: s.changeOrganiserRole,
      removeOrganiser: s.removeOrganiser,
      insertInvitation: s.insertInvitation,
      findInvitationByToken: s.findInvitationByToken,
      acceptInvitation: s.acceptInvitation,
      listOpenInvitations: s.listOpenInvitations,
      revokeInvitation: s.revokeInvitation,
      insertSession: s.insertSession,
      findSessionOrganiser: s.findSessionOrganiser,
      deleteSession: s.deleteSession,
      deleteExpiredSessions: s.deleteExpiredSessions,
    },
    housekeeping: {
      rateLimiter: s.rateLimiter,
      claimJobRun: s.claimJobRun,
      deleteUnconfirmable: s.deleteUnconfirmable,
      clearClientAddresses: s.clearClientAddresses,
      deleteOldMail: s.deleteOldMail,
      deleteExpiredLimits: s.deleteExpiredLimits,
    },
  };
}

/** The dialect the URL names and its own work, with only its own driver loaded. */
async function openDialect(settings: DatabaseSettings, log: DatabaseLog): Promise<{ dialect: Dialect; own: OwnWork }> {
  if (settings.url.startsWith("file:")) return (await import("./sqlite/dialect")).openSqlite(settings, log);
  return (await import("./postgres/dialect")).openPostgres(settings, log);
}

export async function openDatabase(settings: DatabaseSettings, log: DatabaseLog): Promise<Stores> {
  const { dialect, own } = await openDialect(settings, log);
  const legacy: Legacy = settings.url.startsWith("file:") ? await import("./sqlite") : await import("./postgres");
  return grouped(dialect, own, legacy);
}
