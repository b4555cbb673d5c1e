import { z } from "zod";

/** What a column of the file can hold; a name comes whole or as first and last name. */
export const importFields = ["fullName", "firstName", "lastName", "email", "country", "signedAt", "wantsUpdates", "showName"] as const;
export type ImportField = (typeof importFields)[number];

/** Which column (by its index in the header) holds each field; a field left out is not in the file. */
export type ColumnMapping = Partial<Record<ImportField, number>>;

/** How each field is named to organisers, in the order the form asks. */
export const fieldLabels: Record<ImportField, string> = {
  fullName: "Full name",
  firstName: "First name",
  lastName: "Last name",
  email: "Email",
  country: "Country",
  signedAt: "Signed at",
  wantsUpdates: "Wants updates",
  showName: "Agreed to show their name",
};

// Header names other platforms use, as they read once lower-cased and stripped to letters.
const synonyms: Record<ImportField, string[]> = {
  fullName: ["name", "fullname", "signername", "signatoryname", "yourname", "displayname", "nom", "nombre", "الاسم"],
  firstName: ["firstname", "givenname", "forename", "first", "prenom", "vorname"],
  lastName: ["lastname", "surname", "familyname", "last", "nomdefamille", "nachname"],
  email: ["email", "emailaddress", "mail", "courriel", "correo", "البريدالإلكتروني"],
  country: ["country", "countrycode", "nation", "pays", "land", "pais", "البلد"],
  signedAt: ["signedat", "signed", "signedon", "date", "datesigned", "signaturedate", "createdat", "created", "timestamp", "time"],
  wantsUpdates: ["wantsupdates", "updates", "optin", "emailoptin", "newsletter", "subscribe", "subscribed", "keepmeupdated", "contactme"],
  showName: ["showname", "showmyname", "public", "displaypublicly", "listed", "publicname", "showsignature"],
};

const normalise = (name: string) =>
  name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "")
    .replace(/\p{M}/gu, "");

/**
 * The mapping the header suggests, for the organiser to check: each field takes the first column
 * named one of its synonyms, and a full name wins over first and last names.
 */
export function guessMapping(header: readonly string[]): ColumnMapping {
  const names = header.map(normalise);
  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  for (const field of importFields) {
    const index = names.findIndex((name, i) => !taken.has(i) && synonyms[field].includes(name));
    if (index === -1) continue;
    mapping[field] = index;
    taken.add(index);
  }
  if (mapping.fullName !== undefined) {
    delete mapping.firstName;
    delete mapping.lastName;
  }
  return mapping;
}

/** What the mapping form sends: each field's column index, or nothing for "not in the file". */
export function mappingInput(columns: number) {
  const column = z.preprocess(
    (value) => (value === "" || value === null || value === undefined ? undefined : value),
    z.coerce.number().int().min(0).max(columns - 1).optional(),
  );
  return z
    .object(Object.fromEntries(importFields.map((field) => [field, column])) as Record<ImportField, typeof column>)
    .refine((m) => m.email !== undefined, { error: "Choose the column that holds each signer's email.", path: ["email"] })
    .refine((m) => m.fullName !== undefined || m.firstName !== undefined, {
      error: "Choose the column with the full name, or the columns with first and last names.",
      path: ["fullName"],
    })
    .refine((m) => m.country !== undefined, { error: "Choose the column that holds each signer's country.", path: ["country"] });
}
