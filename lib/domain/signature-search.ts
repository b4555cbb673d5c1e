import { z } from "zod";
import { isCountryCode } from "./countries";
import { emailDomain, emailKey } from "./email-key";
import { signatureStatuses, type Signature, type SignatureStatus } from "./model";
import { nameKey } from "./name-key";

// The organisers' searchable list of a campaign's signatures (app/admin/petitions/[slug]/signatures):
// what a search may ask, read from the page's query string, and what one page of it holds. Each
// page is found by a keyset cursor (an id bound), never by an offset, so the thousandth page costs
// what the first does.

export const signaturePageSize = 50;

/** Which signatures an organiser is looking for; every field narrows the search. */
export type SignatureSearch = {
  campaignId: number;
  /** The start of the name, as nameKey folds it. */
  namePrefix?: string;
  /** One address, as emailKey matches it: the same person however they typed it. */
  emailKey?: string;
  /** Every address at one domain. */
  emailDomain?: string;
  country?: string;
  status?: SignatureStatus;
  /** Signed at or after. */
  from?: Date;
  /** Signed before. */
  to?: Date;
};

/** Where a page starts: the newest (no cursor), or next to an id bound, older or newer than it. */
export type SignaturePageRequest = { direction: "older" | "newer"; cursor?: number; size: number };

export type SignatureListRow = Pick<Signature, "id" | "fullName" | "email" | "country" | "status" | "signedAt">;

export type SignatureListPage = {
  /** Newest first. */
  rows: SignatureListRow[];
  /** The bound for the next page of newer ones (`id > newer`), when there may be any. */
  newer?: number;
  /** The bound for the next page of older ones (`id < older`), when there may be any. */
  older?: number;
  /**
   * The search looked through as many signatures as one page may and found fewer than a page:
   * a filter with no index of its own matched rarely. The older link goes on from where it stopped.
   */
  stoppedEarly: boolean;
};

const text = (max: number, tooLong = `Keep this under ${max} characters.`) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .optional()
    .transform((value) => (value === "" ? undefined : value));

const day = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === "" ? undefined : value))
  .refine((value) => value === undefined || (/^\d{4}-\d\d-\d\d$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))), "Give a date as YYYY-MM-DD.");

const cursor = z
  .string()
  .optional()
  .transform((value) => (value === "" ? undefined : value))
  .refine((value) => value === undefined || /^[1-9]\d{0,15}$/.test(value), "This page link is broken; start again from the newest.")
  .transform((value) => (value === undefined ? undefined : Number(value)));

/** The search form's fields and the paging links, as the query string carries them. */
export const signatureSearchParams = z
  .object({
    name: text(200),
    email: text(320).refine((value) => value === undefined || /^[^@\s]*@?[^@\s]+$/.test(value), "Give a whole address, or a domain such as example.org."),
    country: text(2, "Choose a country from the list.")
      .transform((value) => value?.toUpperCase())
      .refine((value) => value === undefined || isCountryCode(value), "Choose a country from the list."),
    status: z.enum(["any", ...signatureStatuses], { error: "Choose a status from the list." }).optional(),
    from: day,
    to: day,
    older: cursor,
    newer: cursor,
  })
  .refine((p) => !(p.from && p.to && p.from > p.to), { path: ["to"], error: "The end date is before the start date." })
  .refine((p) => !(p.older && p.newer), { path: ["older"], error: "This page link is broken; start again from the newest." });

export type SignatureSearchParams = z.input<typeof signatureSearchParams>;
export type SignatureSearchFields = Record<"name" | "email" | "country" | "status" | "from" | "to", string>;

export type ParsedSignatureSearch =
  | { kind: "ok"; search: Omit<SignatureSearch, "campaignId">; page: SignaturePageRequest; fields: SignatureSearchFields }
  | { kind: "invalid"; errors: Partial<Record<keyof SignatureSearchFields | "older", string>>; fields: SignatureSearchFields };

const dayMs = 24 * 60 * 60 * 1000;

/** One value of a query parameter: a repeated one is read as its first. */
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * Reads a search from the query string. Either the search and the page it asks for, or what is
 * wrong with each field; both keep every field as it was typed, to show again in the form.
 */
export function parseSignatureSearch(query: Record<string, string | string[] | undefined>): ParsedSignatureSearch {
  const fields: SignatureSearchFields = {
    name: first(query.name) ?? "",
    email: first(query.email) ?? "",
    country: first(query.country) ?? "",
    status: first(query.status) ?? "any",
    from: first(query.from) ?? "",
    to: first(query.to) ?? "",
  };
  const parsed = signatureSearchParams.safeParse({ ...fields, older: first(query.older), newer: first(query.newer) });
  if (!parsed.success) {
    const errors: Partial<Record<keyof SignatureSearchFields | "older", string>> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (typeof field === "string" && (field in fields || field === "older" || field === "newer")) {
        errors[field === "newer" ? "older" : (field as keyof typeof errors)] ??= issue.message;
      }
    }
    return { kind: "invalid", errors, fields };
  }
  const p = parsed.data;
  const folded = p.name === undefined ? "" : nameKey(p.name);
  const search: Omit<SignatureSearch, "campaignId"> = {
    ...(folded && { namePrefix: folded }),
    ...emailSearch(p.email),
    ...(p.country && { country: p.country }),
    ...(p.status && p.status !== "any" && { status: p.status }),
    ...(p.from && { from: new Date(`${p.from}T00:00:00Z`) }),
    // The end date is a whole day: signatures up to its midnight.
    ...(p.to && { to: new Date(Date.parse(`${p.to}T00:00:00Z`) + dayMs) }),
  };
  const page: SignaturePageRequest =
    p.newer !== undefined ? { direction: "newer", cursor: p.newer, size: signaturePageSize } : { direction: "older", cursor: p.older, size: signaturePageSize };
  return { kind: "ok", search, page, fields };
}

/** A whole address finds one person by its key; a bare domain (or "@domain") everyone at it. */
function emailSearch(value: string | undefined): Pick<SignatureSearch, "emailKey" | "emailDomain"> {
  if (value === undefined) return {};
  const at = value.indexOf("@");
  if (at > 0) return { emailKey: emailKey(value) };
  return { emailDomain: emailDomain(`x@${value.slice(at + 1)}`) };
}

/** The query string of a search, without empty fields, with the page's cursor when given. */
export function signatureSearchQuery(fields: SignatureSearchFields, cursor?: { older: number } | { newer: number }): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) if (value !== "" && !(name === "status" && value === "any")) params.set(name, value);
  if (cursor) for (const [name, value] of Object.entries(cursor)) params.set(name, String(value));
  const query = params.toString();
  return query ? `?${query}` : "";
}
