import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { campaignStanding } from "@/lib/campaign-status";
import { can } from "@/lib/domain/roles";
import { readReasonSettings, reasonQueue } from "@/lib/reasons";
import { OrganiserHeader } from "../../../_lib/OrganiserHeader";
import { requireRole } from "../../../_lib/session";
import { decideAction, settingsAction } from "./actions";
import { ReasonSettingsForm } from "./ReasonSettingsForm";

export const metadata: Metadata = { title: "Signers’ reasons", robots: { index: false } };
export const dynamic = "force-dynamic";

const views = { waiting: "Waiting", shown: "On the page", hidden: "Hidden" } as const;
type View = keyof typeof views;
const isView = (value: unknown): value is View => typeof value === "string" && value in views;

const doneText: Record<string, string> = { approve: "Approved", hide: "Hid", "hide-and-invalidate": "Hid, and invalidated the signatures of," };

/**
 * The moderation queue: owners and editors approve, hide, or hide reasons and invalidate their signatures, in bulk. A viewer
 * sees the reasons on the page and nothing else, named as the public sees them.
 */
export default async function ReasonsQueue({ params, searchParams }: PageProps<"/admin/petitions/[slug]/reasons">) {
  const organiser = await requireRole("view-dashboard");
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const campaign = await campaignStanding(slug);
  if (!campaign) notFound();
  const moderates = can(organiser.role, "moderate");
  const seesSigners = can(organiser.role, "view-signers");
  const view: View = moderates && isView(query.view) ? query.view : moderates ? "waiting" : "shown";
  const [reasons, settings] = await Promise.all([reasonQueue(campaign.id, view), readReasonSettings(campaign.id)]);
  const regions = new Intl.DisplayNames(["en"], { type: "region" });
  const date = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const done = typeof query.done === "string" ? doneText[query.done] : undefined;
  const problem = typeof query.problem === "string" ? query.problem : undefined;

  return (
    <>
      <OrganiserHeader organiser={organiser} />
      <main id="main" className="admin">
        <p className="kicker">
          <Link href={`/admin/petitions/${slug}`}>{campaign.title}</Link>
        </p>
        <h1>Signers’ reasons</h1>
        <p>
          {settings.moderation === "approve"
            ? "Reasons are shown on the page once an organiser approves them."
            : `Reasons are shown at once; ${settings.reportLimit} reader report${settings.reportLimit === 1 ? "" : "s"} hold one here until an organiser decides.`}{" "}
          A reason is shown only while its signature counts. Every decision goes in the audit log.
        </p>
        <p>
          <a href={`/admin/petitions/${slug}/reasons.csv`} download>
            Download the reasons on the page (CSV)
          </a>
        </p>
        {done && (
          <p className="notice notice-ok" role="status">
            {done} {query.n} reason{query.n === "1" ? "" : "s"}.
          </p>
        )}
        {problem && (
          <p className="form-message" role="alert">
            {problem}
          </p>
        )}
        {moderates && (
          <nav aria-label="Reasons by state">
            <ul className="tabs">
              {(Object.keys(views) as View[]).map((v) => (
                <li key={v}>
                  <a href={`?view=${v}`} aria-current={v === view ? "page" : undefined}>
                    {views[v]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <section className="admin-section" aria-labelledby="queue-heading">
          <h2 id="queue-heading">
            {views[view]} ({reasons.length})
          </h2>
          {reasons.length === 0 ? (
            <p>No reasons here.</p>
          ) : (
            <form action={decideAction.bind(null, slug, view)}>
              <table className="reason-queue">
                <caption className="visually-hidden">Reasons {views[view].toLowerCase()}, newest first</caption>
                <thead>
                  <tr>
                    {moderates && <th scope="col">Choose</th>}
                    <th scope="col">Reason</th>
                    <th scope="col">Signer</th>
                    <th scope="col">Reports</th>
                    <th scope="col">Agree</th>
                  </tr>
                </thead>
                <tbody>
                  {reasons.map((reason) => {
                    const country = regions.of(reason.country) ?? reason.country;
                    const shownAs = reason.name ? (
                      <>
                        <bdi>{reason.name}</bdi>, {country}
                      </>
                    ) : (
                      `A signer from ${country}`
                    );
                    return (
                      <tr key={reason.id}>
                        {moderates && (
                          <td className="reason-pick">
                            <input type="checkbox" name="ids" value={reason.id} id={`pick-${reason.id}`} aria-labelledby={`pick-${reason.id} text-${reason.id}`} aria-label="Choose" />
                          </td>
                        )}
                        <td>
                          <p id={`text-${reason.id}`} dir="auto" className="reason-text">
                            {reason.text}
                          </p>
                          {reason.blockedWord && <p className="field-error">Holds a listed word: “{reason.blockedWord}”</p>}
                          {reason.signatureStatus !== "confirmed" && <p className="field-hint">Not shown while the signature is {reason.signatureStatus}.</p>}
                        </td>
                        <td>
                          {seesSigners ? <bdi>{reason.fullName}</bdi> : shownAs}
                          <br />
                          <span className="field-hint">
                            {seesSigners && <>Shown as “{shownAs}” · </>}
                            <time dateTime={reason.createdAt}>{date.format(new Date(reason.createdAt))} UTC</time>
                          </span>
                        </td>
                        <td className="reason-tally" data-label="Reports">
                          {reason.reports}
                        </td>
                        <td className="reason-tally" data-label="Agree">
                          {reason.agrees}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              {moderates && (
                <p className="button-row">
                  {view !== "shown" && (
                    <button type="submit" name="decision" value="approve">
                      Approve
                    </button>
                  )}{" "}
                  {view !== "hidden" && (
                    <button type="submit" name="decision" value="hide">
                      Hide
                    </button>
                  )}{" "}
                  <button type="submit" name="decision" value="hide-and-invalidate">
                    Hide and invalidate the signature
                  </button>
                </p>
              )}
            </form>
          )}
        </section>
        {moderates && (
          <section className="admin-section" aria-labelledby="settings-heading">
            <h2 id="settings-heading">Moderation</h2>
            <ReasonSettingsForm
              action={settingsAction.bind(null, slug)}
              initial={{ values: { moderation: settings.moderation, reportLimit: String(settings.reportLimit), blockedWords: settings.blockedWords.join("\n") } }}
            />
          </section>
        )}
      </main>
    </>
  );
}
