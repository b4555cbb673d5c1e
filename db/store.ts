// The one door from lib/ to the database. Today it opens onto SQLite; a PostgreSQL store will sit
// beside db/sqlite/ with the same exported names, chosen by DATABASE_URL.
export {
  findPetition,
  listPetitions,
  readPetitionCount,
  upsertPetition,
  type PetitionContent,
  type PetitionCount,
} from "./sqlite/petition-store";
export {
  countSignaturesSince,
  insertSignature,
  listLatestSignatures,
  listRecentPublicSigners,
  readSignaturePages,
  type ExportedSignature,
  type InsertOutcome,
  type SignatureValues,
} from "./sqlite/signature-store";
export {
  deleteExpiredSessions,
  deleteSession,
  findAdminByEmail,
  findSessionAdmin,
  insertAdmin,
  insertSession,
} from "./sqlite/admin-store";
export { migrateDatabase } from "./sqlite/migrate";
export type { Admin, Petition, Signature } from "./sqlite/schema";
