import { isClosed } from "@/lib/campaign-state";
import type { Petition } from "@/lib/model";
import { closeAction, publishAction, reopenAction, unpublishAction } from "./actions";

export const stateNames: Record<Petition["state"], string> = {
  draft: "Draft: seen by organisers only",
  published: "Published: live for readers",
  unpublished: "Unpublished: taken down; readers see a kind page",
};

/** Publish, take down, close and reopen: each one press, each audited. */
export function StateControls({ petition }: { petition: Petition }) {
  const closed = isClosed(petition);
  return (
    <section className="admin-section" aria-labelledby="state-heading">
      <h2 id="state-heading">Publishing</h2>
      <p data-testid="campaign-state">{stateNames[petition.state]}.</p>
      <p>
        {closed
          ? `Closed since ${petition.closesAt!.toISOString().slice(0, 16).replace("T", " ")} UTC: the page and count stay; new signatures are refused.`
          : petition.closesAt
            ? `Closes at ${petition.closesAt.toISOString().slice(0, 16).replace("T", " ")} UTC.`
            : "Open for signatures, with no closing date."}
      </p>
      <div className="button-row">
        {petition.state !== "published" && (
          <form action={publishAction.bind(null, petition.slug)}>
            <button type="submit">{petition.state === "draft" ? "Publish" : "Publish again"}</button>
          </form>
        )}
        {petition.state === "published" && (
          <form action={unpublishAction.bind(null, petition.slug)}>
            <button type="submit" className="button-quiet">
              Unpublish
            </button>
          </form>
        )}
        {closed ? (
          <form action={reopenAction.bind(null, petition.slug)}>
            <button type="submit" className="button-quiet">
              Reopen (clear the closing date)
            </button>
          </form>
        ) : (
          <form action={closeAction.bind(null, petition.slug)}>
            <button type="submit" className="button-quiet">
              Close now
            </button>
          </form>
        )}
      </div>
    </section>
  );
}
