import { and, count, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { NewSignature, SignatureStatus } from "@/lib/domain/model";
import { nameKey } from "@/lib/domain/name-key";
import type { ConfirmOutcome, ExistingSignature, InsertExtras, InsertOutcome, LimitCharge, RepeatPlan, SignatureStore } from "@/lib/domain/ports/signatures";
import type { CountChange, Dialect, Handle, OwnWork } from "./dialect";
import { perHandle, placeholders } from "./dialect";
import { chargeLimits } from "./limits";
import { loggedAdd, logRemovals } from "./log-entries";
import { enqueueMailIn } from "./mail-store";
import { nameKeyFiller } from "./name-key-store";
import { insertReason, reasonsLeave, shownReasonsOf } from "./reason-rows";
import { seedSignatures } from "./seed-signatures";
import { searchSignaturePage } from "./signature-search";

/** The counts a signature of this status moves as it comes (+1) or goes (-1). */
export const countChange = (status: SignatureStatus, direction: 1 | -1): CountChange =>
  status === "confirmed" ? { confirmed: direction } : status === "pending" ? { pending: direction } : {};

export function signatureStore(d: Dialect, own: OwnWork): SignatureStore {
  const { campaigns, confirmations, outbox, reasons, signatures, updateUnsubscribes } = d.tables;
  const logAdd = loggedAdd(d);

  // The signing path's statements, prepared once per connection where the database allows.
  const statements = perHandle((h: Handle) => ({
    insert: h
      .insert(signatures)
      .values({ ...placeholders("campaignId", "status", "fullName", "nameKey", "email", "emailKey", "emailDomain", "country", "comment", "showName", "wantsUpdates", "clientAddress", "fillMs", "locale", "referrerId", "receiptSalt", "signedAt") })
      // The unique index decides repeats, so concurrent signers cannot race past a check.
      .onConflictDoNothing({ target: [signatures.campaignId, signatures.emailKey] })
      .returning({ id: signatures.id })
      .prepare("countersign-signature-insert"),
    recentPublic: h
      .select({ fullName: signatures.fullName, country: signatures.country, signedAt: signatures.signedAt })
      .from(signatures)
      .where(and(eq(signatures.campaignId, sql.placeholder("campaignId")), eq(signatures.status, "confirmed"), eq(signatures.showName, true)))
      .orderBy(desc(signatures.id))
      .limit(sql.placeholder("limit"))
      .prepare("countersign-recent-public"),
    confirmedReferrals: h
      .select({ n: count() })
      .from(signatures)
      .where(and(eq(signatures.referrerId, sql.placeholder("referrerId")), eq(signatures.status, "confirmed")))
      .prepare("countersign-confirmed-referrals"),
  }));

  /** The rest of a new signature's writes: its count and number, its confirmation and its first email. */
  async function settleNew(tx: Handle, signatureId: number, values: NewSignature, extras: InsertExtras): Promise<InsertOutcome> {
    const last = await d.counts.move(tx, values.campaignId, countChange(values.status, 1), values.signedAt);
    if (values.status === "confirmed") await logAdd(tx, { campaignId: values.campaignId, signatureId, country: values.country }, "open", values.signedAt);
    // A confirmed signature took the last number issued; any other leaves the next one free.
    const signerNumber = values.status === "confirmed" ? last : await d.counts.nextSignerNumber(tx, values.campaignId);
    if (extras.reason) await insertReason(d, tx, values.campaignId, signatureId, extras.reason, values.signedAt);
    if (extras.confirmation) await tx.insert(confirmations).values({ signatureId, ...extras.confirmation, lastSentAt: values.signedAt });
    if (extras.mail) await enqueueMailIn(d, tx, { ...extras.mail({ signatureId, signerNumber }), signatureId }, values.signedAt);
    return { kind: "signed", signatureId, signerNumber };
  }

  async function carryOut(tx: Handle, existing: ExistingSignature, plan: RepeatPlan, now: Date): Promise<void> {
    if (plan.kind === "renew-confirmation") {
      // New secrets replace the old, within limits on how many and how often; an imported row gets its first.
      const renewed = await tx
        .insert(confirmations)
        .values({ signatureId: existing.id, ...plan.confirmation, lastSentAt: now })
        .onConflictDoUpdate({
          target: confirmations.signatureId,
          set: { ...plan.confirmation, codeAttempts: 0, sends: sql`${confirmations.sends} + 1`, lastSentAt: now },
          setWhere: and(lt(confirmations.sends, plan.limits.maxSends), lt(confirmations.lastSentAt, new Date(now.getTime() - plan.limits.minIntervalMs))),
        })
        .returning({ signatureId: confirmations.signatureId });
      if (renewed.length > 0) await enqueueMailIn(d, tx, { ...plan.mail, signatureId: existing.id }, now);
    } else if (plan.kind === "note") {
      const [recent] = await tx
        .select({ n: count() })
        .from(outbox)
        .where(and(eq(outbox.signatureId, existing.id), eq(outbox.kind, plan.mail.kind), gte(outbox.createdAt, plan.unlessQueuedSince)));
      if ((recent?.n ?? 0) === 0) await enqueueMailIn(d, tx, { ...plan.mail, signatureId: existing.id }, now);
    }
  }

  /** Stores the signature, or carries out what a repeat calls for, in the transaction given. */
  async function store(tx: Handle, values: NewSignature, extras: InsertExtras, limits: readonly LimitCharge[]): Promise<InsertOutcome> {
    const over = (await chargeLimits(d, tx, limits, values.signedAt)).filter((ms): ms is number => ms !== undefined);
    if (over.length > 0) return { kind: "limited", retryAfterMs: Math.max(...over) };
    const row = {
      ...values,
      nameKey: nameKey(values.fullName),
      comment: values.comment ?? null,
      showName: values.showName ?? false,
      wantsUpdates: values.wantsUpdates ?? false,
      clientAddress: values.clientAddress ?? null,
      fillMs: values.fillMs ?? null,
      locale: values.locale ?? "en",
      referrerId: values.referrerId ?? null,
    };
    const [inserted] = await statements(tx).insert.execute(row);
    if (inserted) return settleNew(tx, inserted.id, values, extras);

    // Locked, so two repeats of one address at once each see the other's change.
    const [found] = await d.locked(
      tx
        .select({ id: signatures.id, status: signatures.status, importId: signatures.importId, receiptSalt: signatures.receiptSalt })
        .from(signatures)
        .where(and(eq(signatures.campaignId, values.campaignId), eq(signatures.emailKey, values.emailKey))),
    );
    if (!found) throw new Error(`signature for campaign ${values.campaignId} neither inserted nor found`);
    const existing: ExistingSignature = { id: found.id, status: found.status, imported: found.importId !== null, receiptSalt: found.receiptSalt };
    if (existing.status === "suspected" && values.status !== "suspected") {
      const { status, fullName, nameKey, email, emailDomain, country, comment, showName, wantsUpdates, clientAddress, fillMs, locale, referrerId, receiptSalt, signedAt } = row;
      await tx
        .update(signatures)
        .set({ status, fullName, nameKey, email, emailDomain, country, comment, showName, wantsUpdates, clientAddress, fillMs, locale, referrerId, receiptSalt, signedAt })
        .where(eq(signatures.id, existing.id));
      // The bot's reason goes with the rest of what it typed.
      if (!extras.reason) await tx.delete(reasons).where(eq(reasons.signatureId, existing.id));
      return settleNew(tx, existing.id, values, extras);
    }
    // A counted imported row becomes the signer's own, so undoing the import spares it, only once a
    // signature here is confirmed: counted as it came (confirmation off), or by the link (confirm()).
    // One that waits, or a bot's, claims nothing. The answer stays a repeat's either way.
    if (existing.imported && existing.status === "confirmed" && values.status === "confirmed") {
      await tx.update(signatures).set({ importId: null }).where(eq(signatures.id, existing.id));
    }
    await carryOut(tx, existing, extras.repeat?.(existing) ?? { kind: "nothing" }, values.signedAt);
    return { kind: "repeat", existing, nextSignerNumber: await d.counts.nextSignerNumber(tx, values.campaignId) };
  }

  const pendingWithConfirmation = (h: Handle) =>
    h
      .select({
        signatureId: signatures.id,
        campaignId: signatures.campaignId,
        status: signatures.status,
        slug: campaigns.slug,
        title: campaigns.title,
        signaturesElsewhere: campaigns.signaturesElsewhere,
        fullName: signatures.fullName,
        country: signatures.country,
        receiptSalt: signatures.receiptSalt,
        expiresAt: confirmations.expiresAt,
        codeHash: confirmations.codeHash,
        codeAttempts: confirmations.codeAttempts,
      })
      .from(confirmations)
      .innerJoin(signatures, eq(signatures.id, confirmations.signatureId))
      .innerJoin(campaigns, eq(campaigns.id, signatures.campaignId));

  type PendingFound = Awaited<ReturnType<typeof pendingWithConfirmation>>[number];

  /** The address is proved: the signature counts, and is no longer an import's row for Undo to take. */
  async function confirm(tx: Handle, found: PendingFound, now: Date): Promise<ConfirmOutcome> {
    await tx.update(signatures).set({ status: "confirmed", confirmedAt: now, importId: null }).where(eq(signatures.id, found.signatureId));
    await tx.delete(confirmations).where(eq(confirmations.signatureId, found.signatureId));
    // An imported row counted already: its signer is answered as a first one, with the next number.
    let signerNumber: number;
    if (found.status === "confirmed") signerNumber = await d.counts.nextSignerNumber(tx, found.campaignId);
    else {
      signerNumber = await d.counts.move(tx, found.campaignId, { confirmed: 1, pending: -1 }, now);
      await logAdd(tx, { campaignId: found.campaignId, signatureId: found.signatureId, country: found.country }, "email", now);
    }
    const { signatureId, slug, signaturesElsewhere, fullName, receiptSalt } = found;
    return { kind: "confirmed", signatureId, slug, signaturesElsewhere, signerNumber, fullName, receiptSalt };
  }

  return {
    /** One transaction for the limits, the signature, its count, confirmation and first email (so mail goes only for a
     * committed signature), or for a repeat what `repeat` says, so a repeat costs what a first signature costs. */
    async insertSignature(values, extras = {}) {
      let limits = extras.limits ?? [];
      if (d.insertTogether && !extras.confirmation && !extras.mail && !extras.reason) {
        const together = await d.insertTogether(values, limits);
        if (together) return together;
        // Taken with the batch already: a repeat is decided below without taking them twice.
        limits = [];
      }
      return d.write((tx) => store(tx, values, extras, limits));
    },

    /** Confirms the pending signature a link's token belongs to; the token works once. */
    confirmByToken: (tokenHash, now) =>
      d.write(async (tx): Promise<ConfirmOutcome> => {
        // Locked, so two presses of the same button confirm (and count) once.
        const [found] = await d.locked(pendingWithConfirmation(tx).where(eq(confirmations.tokenHash, tokenHash)), { of: confirmations });
        if (!found) return { kind: "unknown" };
        if (found.expiresAt <= now) return { kind: "expired" };
        return confirm(tx, found, now);
      }),

    /** Confirms by the emailed six-digit code, counting wrong tries so the code cannot be guessed. */
    confirmByCode: (campaignId, emailKey, matches, now, maxAttempts) =>
      d.write(async (tx): Promise<ConfirmOutcome> => {
        const [found] = await d.locked(
          pendingWithConfirmation(tx).where(and(eq(signatures.campaignId, campaignId), eq(signatures.emailKey, emailKey))),
          { of: confirmations },
        );
        if (!found) return { kind: "unknown" };
        if (found.codeAttempts >= maxAttempts) return { kind: "locked" };
        if (found.expiresAt <= now) return { kind: "expired" };
        if (!matches(found.codeHash)) {
          await tx
            .update(confirmations)
            .set({ codeAttempts: sql`${confirmations.codeAttempts} + 1` })
            .where(eq(confirmations.signatureId, found.signatureId));
          return { kind: found.codeAttempts + 1 >= maxAttempts ? "locked" : "wrong-code" };
        }
        return confirm(tx, found, now);
      }),

    async findConfirmationByToken(tokenHash) {
      const [found] = await pendingWithConfirmation(d.read()).where(eq(confirmations.tokenHash, tokenHash));
      return found && { signatureId: found.signatureId, slug: found.slug, title: found.title, expiresAt: found.expiresAt };
    },

    /** Confirmations and mail go by cascade; `mailboxKey` takes the address's unsubscribes too (an erasure, not a withdrawal).
     * The rows' old versions then leave the database's logs off the request path (d.erased). */
    async eraseSignatures(ids, now, reason, mailboxKey) {
      if (ids.length === 0 && mailboxKey === undefined) return { erased: 0 };
      const { removed, forgotten } = await d.write(async (tx) => {
        // Their reasons go by cascade; open pages and cached copies are told in this transaction.
        await reasonsLeave(d, tx, await shownReasonsOf(d, tx, ids), now);
        const rows = ids.length
          ? await tx.delete(signatures).where(inArray(signatures.id, ids)).returning({ id: signatures.id, campaignId: signatures.campaignId, status: signatures.status })
          : [];
        for (const row of rows) await d.counts.move(tx, row.campaignId, countChange(row.status, -1), now);
        await logRemovals(d, tx, rows.filter((row) => row.status === "confirmed").map((row) => row.id), reason, now);
        const unsubscribes =
          mailboxKey === undefined ? [] : await tx.delete(updateUnsubscribes).where(eq(updateUnsubscribes.emailKey, mailboxKey)).returning({ key: updateUnsubscribes.emailKey });
        return { removed: rows.length, forgotten: unsubscribes.length };
      });
      if (removed + forgotten > 0) d.erased();
      return { erased: removed };
    },

    async findSignatureForWithdrawal(signatureId) {
      const [found] = await d
        .read()
        .select({ slug: campaigns.slug, title: campaigns.title, status: signatures.status })
        .from(signatures)
        .innerJoin(campaigns, eq(campaigns.id, signatures.campaignId))
        .where(eq(signatures.id, signatureId));
      return found;
    },

    /** Every campaign's signatures from one mailbox, for a data-protection request. */
    findSignaturesByEmailKey: (emailKey) =>
      d
        .read()
        .select({ id: signatures.id, slug: campaigns.slug, fullName: signatures.fullName, email: signatures.email, status: signatures.status, signedAt: signatures.signedAt })
        .from(signatures)
        .innerJoin(campaigns, eq(campaigns.id, signatures.campaignId))
        .where(eq(signatures.emailKey, emailKey)),

    listRecentPublicSigners: (campaignId, limit) => statements(d.read()).recentPublic.execute({ campaignId, limit }),

    /** How many confirmed signatures the signature's share link brought. */
    async countConfirmedReferrals(referrerId) {
      const [row] = await statements(d.read()).confirmedReferrals.execute({ referrerId });
      return row?.n ?? 0;
    },

    async countSignaturesSince(campaignId, since) {
      const [row] = await d
        .read()
        .select({ n: count() })
        .from(signatures)
        .where(and(eq(signatures.campaignId, campaignId), eq(signatures.status, "confirmed"), gte(signatures.signedAt, since)));
      return row?.n ?? 0;
    },

    searchSignatures: (search, page) => searchSignaturePage(own.search, search, page),
    fillMissingNameKeys: nameKeyFiller(d),
    exportSignatureCsv: own.exportSignatureCsv,
    insertSeedSignatures: seedSignatures(d),
  };
}
