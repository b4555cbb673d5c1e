import type { FigureKind } from "../figures";
import type { Signature, SignatureStatus } from "../model";

// The figures behind the organisers' charts and the delivery report, kept by the database as
// signatures come, change and go (lib/domain/figures.ts). Suspected signatures are never in the
// charts; the time series keeps the invalidated apart, the others leave them out.

export type TimeUnit = "hour" | "day";
/** Signatures signed in the UTC hour or day starting at `start`, by the status they have now. */
export type SignatureBucket = { start: Date; confirmed: number; pending: number; invalidated: number };
/** Signatures that count or await confirmation from one country (ISO 3166-1 alpha-2). */
export type CountryCount = { country: string; count: number };
export type ReferralSummary = {
  /** Signatures that came through a signer's share link. */
  referred: number;
  /** Signatures that came without one. */
  direct: number;
  /** How many signers' links brought at least one. */
  sharers: number;
  /** What the links that brought most brought, most first: counts only, never whose. */
  topSharers: number[];
};
/** Signatures whose time to fill is at least `fromMs` and under the next edge; `fromMs` null when unknown. */
export type FillTimeCount = { fromMs: number | null; count: number };

/** One kept figure: how many of a campaign's signatures of this status fall in the bucket. */
export type Figure = { kind: FigureKind; bucket: string; status: SignatureStatus; count: number };
/** A campaign's kept figures beside a full count of its signatures: each bucket where they differ, and whether it was repaired. */
export type FigureRecount = {
  slug: string;
  differences: { kind: FigureKind; bucket: string; status: SignatureStatus; kept: number; counted: number }[];
  repaired: boolean;
};

/** A confirmed signer as the delivery report lists them: name and country, never how to reach them. */
export type SignerName = Pick<Signature, "id" | "fullName" | "country">;
/** A campaign's confirmed signatures by how they came to count. */
export type VerificationCounts = {
  /** The signer followed the emailed link or typed its code. */
  byEmail: number;
  /** Counted at once: confirmation was off, or an organiser released them. */
  withoutEmail: number;
  /** Brought in from another platform's CSV: gathered there, never confirmed by email here. */
  imported: number;
};

export interface ChartStore {
  /** Per UTC hour or day starting in [from, to) (from the first signature's when `from` is not given); only buckets with any,
   * oldest first. */
  signatureTimeSeries(campaignId: number, range: { unit: TimeUnit; from?: Date; to: Date }): Promise<SignatureBucket[]>;
  /** Most first, then by code. */
  signaturesByCountry(campaignId: number): Promise<CountryCount[]>;
  referralSummary(campaignId: number, top: number): Promise<ReferralSummary>;
  /** Per bucket of time to fill (lib/domain/figures.ts's edges); only buckets with any. */
  fillTimeHistogram(campaignId: number): Promise<FillTimeCount[]>;
  /** Up to `limit` confirmed signers with ids above `afterId`, in id order: one keyset page. */
  listSignerNames(campaignId: number, afterId: number, limit: number): Promise<SignerName[]>;
  countVerification(campaignId: number): Promise<VerificationCounts>;
  /** Every campaign's kept figures compared with a full count of its signatures; with `repair`, those that differ are written
   * anew from the count, with signing held off meanwhile. */
  recountFigures(repair: boolean): Promise<FigureRecount[]>;
}
