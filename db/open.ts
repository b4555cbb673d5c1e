// The one door to the database: opens the dialect DATABASE_URL names (loading only its driver) and
// builds every store over it. Each store is written once (db/*-store.ts); what a database keeps of
// its own (the search's index hints, the export) its dialect
// brings beside it.
import type { DatabaseLog, DatabaseSettings } from "@/lib/domain/ports/database";
import type { Stores } from "@/lib/domain/ports/stores";
import { campaignStore } from "./campaign-store";
import { chartStore } from "./chart-store";
import { countLogStore } from "./count-log-store";
import type { Dialect, OwnWork } from "./dialect";
import { housekeepingStore } from "./housekeeping-store";
import { importStore } from "./import-store";
import { mailStore } from "./mail-store";
import { moderationStore } from "./moderation-store";
import { organiserStore } from "./organiser-store";
import { pagePayloadStore } from "./page-payload-store";
import { reasonStore } from "./reason-store";
import { signatureStore } from "./signature-store";
import { updateStore } from "./update-store";


/** The dialect the URL names and its own work, with only its own driver loaded. */
export async function openDialect(settings: DatabaseSettings, log: DatabaseLog): Promise<{ dialect: Dialect; own: OwnWork }> {
  if (settings.url.startsWith("file:")) return (await import("./sqlite/dialect")).openSqlite(settings, log);
  return (await import("./postgres/dialect")).openPostgres(settings, log);
}

export async function openDatabase(settings: DatabaseSettings, log: DatabaseLog): Promise<Stores> {
  const { dialect, own } = await openDialect(settings, log);
  return {
    database: dialect.lifecycle,
    campaigns: campaignStore(dialect),
    signatures: signatureStore(dialect, own),
    imports: importStore(dialect),
    charts: chartStore(dialect),
    moderation: moderationStore(dialect),
    mail: mailStore(dialect),
    updates: updateStore(dialect),
    organisers: organiserStore(dialect),
    housekeeping: housekeepingStore(dialect),
    countLog: countLogStore(dialect),
    pagePayloads: pagePayloadStore(dialect),
    reasons: reasonStore(dialect),
  };
}
