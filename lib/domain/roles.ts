// What each organiser may do. Every page, server action and download checks here, on the server,
// against the role read from the database for that request: hiding a control is only a courtesy.

export const roles = ["owner", "editor", "viewer"] as const;
export type Role = (typeof roles)[number];

/**
 * Which roles may do each thing. Owners may do everything; editors run campaigns (their settings,
 * updates to signers, and clearing out bots: invalidating, releasing, blocking) but never take
 * signers' data away or destroy it; viewers see the dashboards.
 */
const allowed = {
  "view-dashboard": ["owner", "editor", "viewer"],
  /** See and search who signed: names and email addresses. */
  "view-signers": ["owner", "editor"],
  "manage-campaigns": ["owner", "editor"],
  "send-updates": ["owner", "editor"],
  /** Invalidate or release signatures in bulk, and keep the block list. */
  moderate: ["owner", "editor"],
  "view-audit": ["owner", "editor"],
  /** Download signatures as CSV. */
  export: ["owner"],
  /** Import signatures from a CSV, and undo an import: it brings in people's data, and undoing deletes rows. */
  import: ["owner"],
  /** Find a person's signatures by email and erase them. */
  erase: ["owner"],
  /** Invite organisers, revoke invitations, change roles and remove members. */
  "manage-organisers": ["owner"],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof allowed;
export const actions = Object.keys(allowed) as Action[];

export function can(role: Role, action: Action): boolean {
  return (allowed[action] as readonly Role[]).includes(role);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}

/** How a role is named to people, with what it allows. */
export const roleDescriptions: Record<Role, string> = {
  owner: "Owner: everything, including exports, erasure and organisers",
  editor: "Editor: campaigns, updates and moderation; no exports or erasure",
  viewer: "Viewer: dashboards only, without who signed",
};
