// `npm run log:verify -- <site URL> <slug> [earlier checkpoint file]`
import { CannotCheck } from "./outcomes";

export type VerifyArguments = { site: URL; slug: string; earlierCheckpointFile?: string };

export const usage = "usage: npm run log:verify -- <site URL> <campaign slug> [earlier checkpoint file]\n" +
  "  e.g. npm run log:verify -- https://countersign.example white-helmets saved-checkpoint.txt";

export function parseArguments(argv: string[]): VerifyArguments {
  const [siteText, slug, earlierCheckpointFile, ...rest] = argv;
  if (!siteText || !slug || rest.length > 0) throw new CannotCheck(usage);
  let site: URL;
  try {
    site = new URL(siteText);
  } catch {
    throw new CannotCheck(`"${siteText}" is not a URL; give the site's address, like https://countersign.example\n${usage}`);
  }
  if (site.protocol !== "https:" && site.protocol !== "http:") throw new CannotCheck(`the site's address must start with https:// or http://, not ${site.protocol}`);
  if (site.search || site.hash) throw new CannotCheck(`give the site's address without ?query or #fragment: ${siteText}`);
  if (!/^[a-z0-9-]+$/.test(slug)) throw new CannotCheck(`"${slug}" is not a campaign slug: lower-case letters, digits and hyphens, as in the campaign's address`);
  return { site, slug, ...(earlierCheckpointFile ? { earlierCheckpointFile } : {}) };
}
