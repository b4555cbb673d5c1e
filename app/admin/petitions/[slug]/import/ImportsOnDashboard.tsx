import { can, type Role } from "@/lib/domain/roles";
import { importHistory } from "@/lib/imports/import-history";
import { ImportHistory } from "./ImportHistory";

// The dashboard's share of imports, loaded here so the dashboard page only places them.

/** The "Imported" figure among the dashboard's stats: confirmed signatures the campaign's imports hold now. */
export async function ImportedStat({ slug, locale }: { slug: string; locale: string }) {
  const history = await importHistory(slug);
  return (
    <div>
      <dt>Imported</dt>
      <dd>{new Intl.NumberFormat(locale).format(history?.imported ?? 0)}</dd>
    </div>
  );
}

/** The campaign's imports, and the way to a new one for those who may import. */
export async function ImportsSection({ slug, locale, role }: { slug: string; locale: string; role: Role }) {
  const history = await importHistory(slug);
  const owner = can(role, "import");
  return (
    <section className="admin-section" aria-labelledby="imports-heading">
      <h2 id="imports-heading">Imported signatures</h2>
      <p>Signatures gathered on another platform, imported from CSV. They count as confirmed; no email goes to them.</p>
      {owner ? (
        <p>
          <a className="button-link" href={`/admin/petitions/${slug}/import`}>
            Import signatures from CSV
          </a>
        </p>
      ) : (
        <p>Only an owner can import signatures.</p>
      )}
      <ImportHistory slug={slug} imports={history?.imports ?? []} locale={locale} linked={owner} />
    </section>
  );
}
