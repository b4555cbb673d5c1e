import type { Campaign, CampaignChange, CampaignContent, CampaignStanding, CampaignSummary, CampaignTitles } from "../model";

/** `logged`: the count log's adds not removed, placed or waiting; it must equal `counted`. */
export type CampaignRecount = { slug: string; kept: number; counted: number; keptPending: number; countedPending: number; logged: number };

export interface CampaignStore {
  /** Creates or refreshes a campaign from its content/ file; one edited in the admin is left as it is. */
  upsertCampaign(content: CampaignContent, now?: Date): Promise<void>;
  /** Creates a campaign from the admin; false when its slug is taken (slugs are never freed). */
  createCampaign(content: CampaignContent, now: Date): Promise<boolean>;
  /** Changes a campaign from the admin, marking it edited; false when there is no such campaign. */
  updateCampaign(slug: string, change: CampaignChange, now: Date): Promise<boolean>;
  /** The campaign with its text in every language it has. */
  findCampaign(slug: string): Promise<Campaign | undefined>;
  /** Where the campaign stands (counts, goal, the settings signing needs) in one indexed read. */
  readCampaignStanding(slug: string): Promise<CampaignStanding | undefined>;
  /** The campaign's title in its own language and in each translation. */
  readCampaignTitles(slug: string): Promise<CampaignTitles | undefined>;
  listCampaigns(): Promise<CampaignSummary[]>;
  setRequireConfirmation(slug: string, required: boolean): Promise<void>;
  /** Publishes each campaign's pending figure as `round(pendingCount)`; returns how many moved. */
  publishPendingFigures(round: (pending: number) => number): Promise<number>;
  /** Counts every campaign's signatures from its rows and says where the kept count differs. */
  recountCampaigns(): Promise<CampaignRecount[]>;
}
