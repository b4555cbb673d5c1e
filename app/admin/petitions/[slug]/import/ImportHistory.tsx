import type { SignatureImport } from "@/lib/domain/signature-import";

const statusText: Record<SignatureImport["status"], string> = {
  staged: "Waiting for its columns",
  importing: "Cut short",
  imported: "Imported",
  undoing: "Being undone",
  undone: "Undone",
};

/** Every import of a campaign, newest first; each opens its own page for those who may import. */
export function ImportHistory({ slug, imports, locale, linked }: { slug: string; imports: SignatureImport[]; locale: string; linked: boolean }) {
  if (imports.length === 0) return <p>Nothing has been imported into this campaign.</p>;
  const number = new Intl.NumberFormat(locale);
  const time = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return (
    <div className="table-scroll">
      <table aria-labelledby="imports-heading">
        <thead>
          <tr>
            <th scope="col">Uploaded (UTC)</th>
            <th scope="col">File</th>
            <th scope="col">By</th>
            <th scope="col">Status</th>
            <th scope="col">Rows</th>
            <th scope="col">Invalid</th>
            <th scope="col">Duplicates</th>
            <th scope="col">Imported</th>
          </tr>
        </thead>
        <tbody>
          {imports.map((i) => (
            <tr key={i.id}>
              <td>
                <time dateTime={i.createdAt.toISOString()}>{time.format(i.createdAt)}</time>
              </td>
              <td>{linked ? <a href={`/admin/petitions/${slug}/import/${i.id}`}>{i.fileName}</a> : i.fileName}</td>
              <td>{i.createdBy}</td>
              <td>{statusText[i.status]}</td>
              <td>{number.format(i.totalRows)}</td>
              <td>{i.status === "staged" ? "" : number.format(i.invalidRows)}</td>
              <td>{i.status === "staged" || i.status === "importing" ? "" : number.format(i.duplicateRows)}</td>
              <td>{i.status === "staged" ? "" : number.format(i.importedRows)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
