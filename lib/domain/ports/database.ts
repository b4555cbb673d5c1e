/** Where the database is and how to keep it, as the settings give them (lib/config.ts). */
export type DatabaseSettings = { url: string; poolSize: number; sqliteSynchronous: "FULL" | "NORMAL"; countLog: boolean };
/** What the database layer logs through: the app's logger, or any with the same three calls. */
export type DatabaseLog = Record<"info" | "warn" | "error", (fields: object, message: string) => void>;

// What the app asks of the database as a whole: set-up, health, change notices and backups.

export interface DatabasePort {
  migrateDatabase(): Promise<void>;
  /** Whether the database answers and every migration has been applied. */
  databaseReady(): Promise<boolean>;
  closeDatabase(): Promise<void>;
  /** Where a generated secret key may live beside the data, or undefined when SECRET_KEY is required. */
  secretKeyLocation(): string | undefined;
  /** Resolves once erased data has left every log the database keeps of it. */
  erasedDataSettled(): Promise<void>;
  /**
   * Calls `listener` with a campaign's slug when its public count moves in any process, and with
   * nothing when changes may have been missed (look again at everything). `pageChanged` says the
   * change was more than the count (a reason left the page, the campaign was edited): cached copies
   * of its pages must go at once, where a count may be a second old.
   */
  onPublicChange(listener: (slug?: string, pageChanged?: boolean) => void): void;
  /** Starts what this process does for the database in the background, once the server runs. */
  startBackgroundWork(): void;
  backupDatabase(targetPath: string): Promise<{ pages: number }>;
}
