import { and, desc, eq, isNull } from "drizzle-orm";
import type { InvitationAcceptance, InvitationInsert, InvitationRevocation, OrganiserStore } from "@/lib/domain/ports/organisers";
import type { Dialect, Handle } from "./dialect";
import { enqueueMailIn } from "./mail-store";
import type { OrganiserChange } from "./organiser-change";

type InvitationWork = Pick<
  OrganiserStore,
  "insertInvitation" | "findInvitationByToken" | "acceptInvitation" | "listOpenInvitations" | "revokeInvitation"
>;

/** The invitations that make new organisers, each change taking its turn with the other changes to the organisers. */
export function invitationStore(d: Dialect, asChange: OrganiserChange): InvitationWork {
  const { organiserInvitations, organisers } = d.tables;

  const invitationColumns = {
    id: organiserInvitations.id,
    email: organiserInvitations.email,
    role: organiserInvitations.role,
    invitedBy: organisers.email,
    createdAt: organiserInvitations.createdAt,
    expiresAt: organiserInvitations.expiresAt,
    acceptedAt: organiserInvitations.acceptedAt,
  };
  const selectInvitations = (h: Handle) =>
    h.select(invitationColumns).from(organiserInvitations).innerJoin(organisers, eq(organisers.id, organiserInvitations.invitedBy));

  return {
    insertInvitation: (actor, invitation, mail) =>
      asChange<InvitationInsert>(actor, { kind: "forbidden" }, async (tx) => {
        if ((await tx.select({ id: organisers.id }).from(organisers).where(eq(organisers.email, invitation.email))).length > 0) return { kind: "member" };
        // One open invitation per address: the newest link is the one that works.
        const replaced = await tx
          .delete(organiserInvitations)
          .where(and(eq(organiserInvitations.email, invitation.email), isNull(organiserInvitations.acceptedAt)))
          .returning({ id: organiserInvitations.id });
        await tx.insert(organiserInvitations).values({ ...invitation, invitedBy: actor.id });
        if (mail) await enqueueMailIn(d, tx, mail, invitation.createdAt);
        return { kind: "invited", replaced: replaced.length };
      }),

    async findInvitationByToken(tokenHash) {
      const [found] = await selectInvitations(d.read()).where(eq(organiserInvitations.tokenHash, tokenHash));
      return found;
    },

    // In turn with other changes to the organisers: a link accepted twice at once makes one account.
    acceptInvitation: (tokenHash, passwordHash, now) =>
      asChange<InvitationAcceptance>(undefined, { kind: "unknown" }, async (tx) => {
        const [invitation] = await selectInvitations(tx).where(eq(organiserInvitations.tokenHash, tokenHash));
        if (!invitation) return { kind: "unknown" };
        if (invitation.acceptedAt) return { kind: "used" };
        if (invitation.expiresAt <= now) return { kind: "expired" };
        const [made] = await tx
          .insert(organisers)
          .values({ email: invitation.email, passwordHash, role: invitation.role, createdAt: now })
          .onConflictDoNothing({ target: organisers.email })
          .returning({ id: organisers.id });
        if (!made) return { kind: "member" };
        await tx.update(organiserInvitations).set({ acceptedAt: now }).where(eq(organiserInvitations.id, invitation.id));
        return { kind: "accepted", organiser: { id: made.id, email: invitation.email, role: invitation.role }, invitedBy: invitation.invitedBy };
      }),

    listOpenInvitations: () => selectInvitations(d.read()).where(isNull(organiserInvitations.acceptedAt)).orderBy(desc(organiserInvitations.id)),

    revokeInvitation: (actor, invitationId) =>
      asChange<InvitationRevocation>(actor, { kind: "forbidden" }, async (tx) => {
        const [gone] = await tx
          .delete(organiserInvitations)
          .where(and(eq(organiserInvitations.id, invitationId), isNull(organiserInvitations.acceptedAt)))
          .returning({ email: organiserInvitations.email });
        return gone ? { kind: "done", email: gone.email } : { kind: "unknown" };
      }),
  };
}
