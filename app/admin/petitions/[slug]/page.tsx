import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { can } from "@/lib/domain/roles";
import { campaignSnippets } from "@/lib/campaign-embed";
import { campaignFigures } from "@/lib/campaign-figures";
import { campaignDashboard, mailStatus } from "@/lib/dashboard";
import { absoluteUrl, requestLocale } from "../../../_lib/request";
import { OrganiserHeader } from "../../_lib/OrganiserHeader";
import { requireRole } from "../../_lib/session";
import { bulkAction, setConfirmationAction } from "./actions";
import { BulkForm } from "./BulkForm";
import { EmbedSnippets } from "./EmbedSnippets";
import { CountryMap } from "./charts/CountryMap";
import { FillTimeChart } from "./charts/FillTimeChart";
import { Referrals } from "./charts/Referrals";
import { SignaturesOverTime } from "./charts/SignaturesOverTime";
import { ImportedStat, ImportsSection } from "./import/ImportsOnDashboard";
import { CountLogStatus } from "./CountLogStatus";
import { MailProblemTable } from "./MailProblemTable";
import { SignatureTable } from "./signatures/SignatureTable";

export const metadata: Metadata = { title: "Campaign dashboard", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function CampaignDashboard({ params }: PageProps<"/admin/petitions/[slug]">) {
  const organiser = await requireRole("view-dashboard");
  const { slug } = await params;
  const [dashboard, figures, mail, locale, snippets] = await Promise.all([
    // Only a role that may see who signed is sent any of them.
    campaignDashboard(slug, new Date(), can(organiser.role, "view-signers") ? 25 : 0),
    campaignFigures(slug),
    mailStatus(organiser.role),
    requestLocale(),
    absoluteUrl("").then((siteBase) => campaignSnippets(slug, siteBase)),
  ]);
  if (!dashboard || !figures) notFound();
  const number = new Intl.NumberFormat(locale);
  const time = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const csv = `/admin/petitions/${dashboard.slug}/signatures.csv`;
  const charts = `/admin/petitions/${dashboard.slug}/charts`;

  return (
    <>
      <OrganiserHeader organiser={organiser} />
      <main id="main" className="admin">
        <p className="kicker">Campaign</p>
        <h1>{dashboard.title}</h1>
        {can(organiser.role, "manage-campaigns") && (
          <p>
            <a href={`/admin/petitions/${dashboard.slug}/edit`}>Edit, publish or close this campaign</a>
          </p>
        )}
        <dl className="stats">
          <div>
            <dt>Total</dt>
            <dd>{number.format(dashboard.total)}</dd>
          </div>
          <div>
            <dt>Signed here</dt>
            <dd>{number.format(dashboard.signaturesHere)}</dd>
          </div>
          <ImportedStat slug={dashboard.slug} locale={locale} />
          <div>
            <dt>Awaiting confirmation</dt>
            <dd>{number.format(dashboard.signaturesPending)}</dd>
          </div>
          <div>
            <dt>Suspected</dt>
            <dd>{number.format(dashboard.suspected)}</dd>
          </div>
          <div>
            <dt>Today (UTC)</dt>
            <dd>{number.format(dashboard.today)}</dd>
          </div>
          <div>
            <dt>Last hour</dt>
            <dd>{number.format(dashboard.lastHour)}</dd>
          </div>
        </dl>
        <p className="stats-note">
          The total includes {number.format(dashboard.signaturesElsewhere)} signatures gathered elsewhere before this page
          opened; the export holds the {number.format(dashboard.signaturesHere)} confirmed here.
        </p>
        <CountLogStatus slug={dashboard.slug} signaturesHere={dashboard.signaturesHere} log={dashboard.log} locale={locale} />
        {can(organiser.role, "export") ? (
          <p>
            <a className="button-link" href={csv} download>
              Download confirmed signatures (CSV)
            </a>{" "}
            <a href={`${csv}?include=pending`} download>
              with those awaiting confirmation
            </a>
            {" · "}
            <a href={`${csv}?include=pending,invalidated`} download>
              with invalidated ones too
            </a>
            {" · "}
            <a href={`${csv}?include=pending,invalidated,suspected`} download>
              with suspected ones too
            </a>
          </p>
        ) : (
          <p>Only an owner can download the signatures.</p>
        )}
        {can(organiser.role, "send-updates") && (
          <p>
            <a href={`/admin/petitions/${dashboard.slug}/updates`}>Updates to signers</a>
          </p>
        )}

        <p>
          <a href={`/admin/petitions/${dashboard.slug}/reasons`}>Signers’ reasons{can(organiser.role, "moderate") ? ": the moderation queue" : ""}</a>
        </p>
        <p>
          <a href={`/admin/petitions/${dashboard.slug}/report`}>Delivery report (PDF) for the people the petition is addressed to</a>
        </p>

        <SignaturesOverTime perHour={figures.perHour} perDay={figures.perDay} locale={locale} csvBase={charts} />
        <CountryMap countries={figures.countries} locale={locale} csv={`${charts}/countries.csv`} />
        <Referrals referrals={figures.referrals} locale={locale} csv={`${charts}/referrals.csv`} />

        <EmbedSnippets snippets={snippets} />
        <ImportsSection slug={dashboard.slug} locale={locale} role={organiser.role} />

        <section className="admin-section" aria-labelledby="confirmation-heading">
          <h2 id="confirmation-heading">Email confirmation</h2>
          {mail.configured ? (
            <>
              <p>
                {dashboard.requireConfirmation
                  ? "On: a new signature counts once its signer confirms by email."
                  : "Off: a new signature counts at once."}{" "}
                {number.format(mail.unsent)} message{mail.unsent === 1 ? "" : "s"} waiting to be sent.
              </p>
              {can(organiser.role, "manage-campaigns") && (
                <form action={setConfirmationAction.bind(null, dashboard.slug)} className="check">
                  <input
                    id="required"
                    name="required"
                    type="checkbox"
                    defaultChecked={dashboard.requireConfirmation}
                  />
                  <label htmlFor="required">Ask signers to confirm by email</label>{" "}
                  <button type="submit" className="button-quiet">
                    Save
                  </button>
                </form>
              )}
              {mail.problems.length > 0 && <MailProblemTable mail={mail} time={time} />}
            </>
          ) : (
            <p className="notice" role="status">
              Email is not configured (no SMTP_URL), so confirmation is off: every signature counts at once, and no mail
              is sent. Set SMTP_URL, MAIL_FROM and PUBLIC_URL to turn it on.
            </p>
          )}
        </section>

        <section className="admin-section" aria-labelledby="invalidate-heading">
          <h2 id="invalidate-heading">
            {can(organiser.role, "moderate") ? "Invalidate or release signatures in bulk" : "How fast signers filled in the form"}
          </h2>
          {can(organiser.role, "moderate") && (
            <>
              <p>
                For signatures from one client address, one email domain, a time range, or sent back within seconds of the
                page opening. You see how many match before anything changes.
              </p>
              <p>
                {dashboard.suspected === 0
                  ? "The bot trap has caught nothing."
                  : `The bot trap (a form field people never see) has caught ${number.format(dashboard.suspected)} signature${dashboard.suspected === 1 ? "" : "s"}: stored, but not counted, listed or exported unless you ask.`}{" "}
                Release the ones that are real people; with email confirmation on, each is asked to confirm first.
              </p>
            </>
          )}
          {/* The chart is every organiser's to see; the tools beside it only for those who may moderate. */}
          <FillTimeChart figures={figures.fillTime} locale={locale} csv={`${charts}/fill-time.csv`} />
          {can(organiser.role, "moderate") && <BulkForm action={bulkAction.bind(null, dashboard.slug)} locale={locale} />}
        </section>

        <section className="admin-section" aria-labelledby="latest-heading">
          <h2 id="latest-heading">Latest signatures</h2>
          {!can(organiser.role, "view-signers") ? (
            <p>Only owners and editors see who signed.</p>
          ) : (
            <>
              {dashboard.signatures.length === 0 ? (
                <p>No one has signed here yet.</p>
              ) : (
                <SignatureTable rows={dashboard.signatures} locale={locale} labelledBy="latest-heading" />
              )}
              <p>
                <a href={`/admin/petitions/${dashboard.slug}/signatures`}>Search all signatures</a>
              </p>
            </>
          )}
        </section>
      </main>
    </>
  );
}
