import { isClosed } from "@/lib/campaign-state";
import type { Campaign } from "@/lib/domain/model";
import { closeAction, publishAction, reopenAction, unpublishAction } from "./actions";

export const stateNames: Record<Campaign["state"], string> = {
  draft: "Draft: seen by organisers only",
  published: "Published: live for readers",
  unpublished: "Unpublished: taken down; readers see a kind page",
};

/** Publish, take down, close and reopen: each one press, each audited. */
export function StateControls({ campaign }: { campaign: Campaign }) {
  const closed = isClosed(campaign);
  return (
    <section className="admin-section" aria-labelledby="state-heading">
      <h2 id="state-heading">Publishing</h2>
      <p data-testid="campaign-state">{stateNames[campaign.state]}.</p>
      <p>
        {closed
          ? `Closed since ${campaign.closesAt!.toISOString().slice(0, 16).replace("T", " ")} UTC: the page and count stay; new signatures are refused.`
          : campaign.closesAt
            ? `Closes at ${campaign.closesAt.toISOString().slice(0, 16).replace("T", " ")} UTC.`
            : "Open for signatures, with no closing date."}
      </p>
      <div className="button-row">
        {campaign.state !== "published" && (
          <form action={publishAction.bind(null, campaign.slug)}>
            <button type="submit">{campaign.state === "draft" ? "Publish" : "Publish again"}</button>
          </form>
        )}
        {campaign.state === "published" && (
          <form action={unpublishAction.bind(null, campaign.slug)}>
            <button type="submit" className="button-quiet">
              Unpublish
            </button>
          </form>
        )}
        {closed ? (
          <form action={reopenAction.bind(null, campaign.slug)}>
            <button type="submit" className="button-quiet">
              Reopen (clear the closing date)
            </button>
          </form>
        ) : (
          <form action={closeAction.bind(null, campaign.slug)}>
            <button type="submit" className="button-quiet">
              Close now
            </button>
          </form>
        )}
      </div>
    </section>
  );
}
