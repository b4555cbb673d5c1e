import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { countryOptions } from "@/lib/domain/countries";
import { signatureList } from "@/lib/signature-list";
import { signaturePageSize, signatureSearchQuery } from "@/lib/domain/signature-search";
import { requestLocale } from "../../../../_lib/request";
import { OrganiserHeader } from "../../../_lib/OrganiserHeader";
import { requireRole } from "../../../_lib/session";
import { SearchForm } from "./SearchForm";
import { SignatureTable } from "./SignatureTable";
import styles from "./signature-list.module.css";

export const metadata: Metadata = { title: "Signatures", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function SignaturesPage({ params, searchParams }: PageProps<"/admin/petitions/[slug]/signatures">) {
  const organiser = await requireRole("view-signers");
  const { slug } = await params;
  const [view, locale] = await Promise.all([signatureList(slug, await searchParams), requestLocale()]);
  if (!view) notFound();
  const here = `/admin/petitions/${view.slug}/signatures`;
  const { page } = view.kind === "list" ? view : { page: undefined };
  const errors = view.kind === "invalid" ? view.errors : {};

  return (
    <>
      <OrganiserHeader organiser={organiser} />
      <main id="main" className="admin">
        <p className="kicker">
          <a href={`/admin/petitions/${view.slug}`}>{view.title}</a>
        </p>
        <h1>Signatures</h1>
        <p>Newest first, {signaturePageSize} a page. Search by any of these; each narrows the list.</p>
        {view.kind === "invalid" && (
          <p className="form-message" role="alert">
            {errors.older ?? "Check the search: what is wrong is said beside each field."}
          </p>
        )}
        <SearchForm action={here} fields={view.fields} errors={errors} countries={countryOptions(locale)} />

        {page && (
          <section className="admin-section" aria-labelledby="found-heading">
            <h2 id="found-heading">Found</h2>
            {page.stoppedEarly && (
              <p className="notice" role="status">
                {page.rows.length === 0 ? "None found yet: " : "Fewer than a page found so far: "}
                this search looked through as many signatures as one page may. “Older” looks further back; a name, an
                address or a country finds them faster.
              </p>
            )}
            {page.rows.length === 0 && !page.stoppedEarly ? (
              <p role="status">No signatures match this search.</p>
            ) : (
              page.rows.length > 0 && <SignatureTable rows={page.rows} locale={locale} caption="Signatures found, newest first" />
            )}
            {(page.newer !== undefined || page.older !== undefined) && (
              <nav className={styles.pager} aria-label="Pages of signatures">
                {page.newer !== undefined && (
                  <>
                    <a href={`${here}${signatureSearchQuery(view.fields)}`}>Newest</a>
                    <a rel="prev" href={`${here}${signatureSearchQuery(view.fields, { newer: page.newer })}`}>
                      Newer
                    </a>
                  </>
                )}
                {page.older !== undefined && (
                  <a rel="next" href={`${here}${signatureSearchQuery(view.fields, { older: page.older })}`}>
                    Older
                  </a>
                )}
              </nav>
            )}
          </section>
        )}
      </main>
    </>
  );
}
