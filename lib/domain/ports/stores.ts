import type { CampaignStore } from "./campaigns";
import type { ChartStore } from "./charts";
import type { CountLogStore } from "./count-log";
import type { DatabasePort } from "./database";
import type { HousekeepingStore } from "./housekeeping";
import type { ImportStore } from "./imports";
import type { MailStore } from "./mail";
import type { ModerationStore } from "./moderation";
import type { OrganiserStore } from "./organisers";
import type { PagePayloadStore } from "./page-payloads";
import type { ReasonStore } from "./reasons";
import type { SignatureStore } from "./signatures";
import type { UpdateStore } from "./updates";

/** Every store the domain uses, one per feature, as the database in use implements them. */
export type Stores = {
  database: DatabasePort;
  campaigns: CampaignStore;
  signatures: SignatureStore;
  imports: ImportStore;
  charts: ChartStore;
  moderation: ModerationStore;
  mail: MailStore;
  updates: UpdateStore;
  organisers: OrganiserStore;
  housekeeping: HousekeepingStore;
  countLog: CountLogStore;
  pagePayloads: PagePayloadStore;
  reasons: ReasonStore;
};
