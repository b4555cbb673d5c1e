import { config } from "./config";

/** Links that leave the site (in emails) must be absolute; on the site a path is enough. */
function site(path: string): string {
  return `${config().PUBLIC_URL ?? ""}${path}`;
}

export const confirmLink = (token: string) => site(`/confirm/${token}`);
export const confirmByCodeLink = (slug: string) => site(`/p/${slug}/confirm`);
export const withdrawLink = (token: string) => site(`/withdraw/${token}`);
