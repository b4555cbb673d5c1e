// The one door to the database: opens the dialect DATABASE_URL names (loading only its driver) and
// builds every store over it.
import type { Stores } from "@/lib/domain/ports/stores";

export type DatabaseSettings = { url: string; poolSize: number; sqliteSynchronous: "FULL" | "NORMAL" };
/** What the database layer logs through: the app's logger, or any with the same three calls. */
export type DatabaseLog = Record<"info" | "warn" | "error", (fields: object, message: string) => void>;

import { campaignStore } from "./campaign-store";
import type { Dialect } from "./dialect";
import { housekeepingStore } from "./housekeeping-store";
import { importStore } from "./import-store";
import { mailStore } from "./mail-store";
import { moderationStore } from "./moderation-store";
import { organiserStore } from "./organiser-store";
import { signatureStore } from "./signature-store";
import { updateStore } from "./update-store";

type Legacy = typeof import("./sqlite") | typeof import("./postgres");

// Transitional: each feature's store comes from the dialect's own module until it is written once.
function grouped(dialect: Dialect, s: Legacy): Stores {
  return {
    database: dialect.lifecycle,
    campaigns: campaignStore(dialect),
    signatures: signatureStore(dialect, {
      searchSignatures: s.searchSignatures,
      fillMissingNameKeys: s.fillMissingNameKeys,
      exportSignatureCsv: s.exportSignatureCsv,
      insertSeedSignatures: s.insertSeedSignatures,
    }),
    imports: importStore(dialect),
    charts: {
      signatureTimeSeries: s.signatureTimeSeries,
      signaturesByCountry: s.signaturesByCountry,
      referralSummary: s.referralSummary,
      fillTimeHistogram: s.fillTimeHistogram,
      listSignerNames: s.listSignerNames,
      countVerification: s.countVerification,
    },
    moderation: moderationStore(dialect),
    mail: mailStore(dialect),
    updates: updateStore(dialect),
    organisers: organiserStore(dialect),
    housekeeping: housekeepingStore(dialect),
  };
}

/** The dialect the URL names, with only its own driver loaded. */
async function openDialect(settings: DatabaseSettings, log: DatabaseLog): Promise<Dialect> {
  if (settings.url.startsWith("file:")) return (await import("./sqlite/dialect")).openSqlite(settings, log).dialect;
  return (await import("./postgres/dialect")).openPostgres(settings, log).dialect;
}

export async function openDatabase(settings: DatabaseSettings, log: DatabaseLog): Promise<Stores> {
  const dialect = await openDialect(settings, log);
  const legacy: Legacy = settings.url.startsWith("file:") ? await import("./sqlite") : await import("./postgres");
  return grouped(dialect, legacy);
}
