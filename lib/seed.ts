import { stores } from "./stores";
import path from "node:path";
import { createOrganiser } from "./auth/organiser-accounts";
import { readCampaigns } from "./campaign-content";
import type { Config } from "./config";

export const contentDir = path.join(process.cwd(), "content");

/**
 * Loads every campaign in content/ into the database with its translations (content/<slug>.<locale>.md);
 * safe to run at every start. A translation whose file is gone leaves the database too.
 */
export async function seedCampaigns(dir = contentDir): Promise<string[]> {
  const campaigns = await readCampaigns(dir);
  for (const campaign of campaigns) await stores().campaigns.upsertCampaign(campaign);
  return campaigns.map((c) => c.slug);
}

/** The first organiser, an owner, comes from ADMIN_EMAIL and ADMIN_PASSWORD; an existing account is left alone. */
export async function ensureFirstOrganiser(settings: Pick<Config, "ADMIN_EMAIL" | "ADMIN_PASSWORD">) {
  if (!settings.ADMIN_EMAIL || !settings.ADMIN_PASSWORD) return "not-configured" as const;
  return (await createOrganiser(settings.ADMIN_EMAIL, settings.ADMIN_PASSWORD, "owner")) ? ("created" as const) : ("exists" as const);
}
