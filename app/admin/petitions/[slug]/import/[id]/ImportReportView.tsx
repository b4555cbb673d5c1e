import type { ImportReport, RowOutcome } from "@/lib/imports/import-report";

const outcomeText: Record<RowOutcome, string> = {
  import: "Will be imported",
  invalid: "Invalid",
  "duplicate in file": "Duplicate in the file",
  "already signed": "Has signed already",
};

/** The report on every row of the file, as the chosen columns read it: nothing is stored yet. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const number = new Intl.NumberFormat("en");
  return (
    <div role="status">
      <h2 id="report-heading">What the file holds</h2>
      <dl className="stats">
        <div>
          <dt>Rows</dt>
          <dd>{number.format(report.totalRows)}</dd>
        </div>
        <div>
          <dt>To import</dt>
          <dd>{number.format(report.toImport)}</dd>
        </div>
        <div>
          <dt>Invalid</dt>
          <dd>{number.format(report.invalidRows)}</dd>
        </div>
        <div>
          <dt>Duplicates in the file</dt>
          <dd>{number.format(report.duplicatesInFile)}</dd>
        </div>
        <div>
          <dt>Signed already</dt>
          <dd>{number.format(report.alreadySigned)}</dd>
        </div>
      </dl>

      <h3 id="preview-heading">The first rows, as the columns read them</h3>
      <div className="table-scroll">
        <table aria-labelledby="preview-heading">
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Country</th>
              <th scope="col">Signed at</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {report.preview.map((p) => (
              <tr key={p.row}>
                <td>{p.row}</td>
                <td>{p.fullName}</td>
                <td>{p.email}</td>
                <td>{p.country}</td>
                <td>{p.signedAt}</td>
                <td>{outcomeText[p.outcome]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3 id="invalid-heading">Invalid rows</h3>
      {report.invalid.length === 0 ? (
        <p>Every row is valid.</p>
      ) : (
        <>
          {report.invalidRows > report.invalid.length && (
            <p>The first {number.format(report.invalid.length)} of {number.format(report.invalidRows)}:</p>
          )}
          <div className="table-scroll">
            <table aria-labelledby="invalid-heading">
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Why it is left out</th>
                </tr>
              </thead>
              <tbody>
                {report.invalid.map((i) => (
                  <tr key={i.row}>
                    <td>{i.row}</td>
                    <td>{i.reasons.join("; ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <h3 id="duplicates-heading">Duplicates</h3>
      {report.duplicates.length === 0 ? (
        <p>No address is in the file twice, and none has signed already.</p>
      ) : (
        <div className="table-scroll">
          <table aria-labelledby="duplicates-heading">
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Email</th>
                <th scope="col">Left out because</th>
              </tr>
            </thead>
            <tbody>
              {report.duplicates.map((d) => (
                <tr key={d.row}>
                  <td>{d.row}</td>
                  <td>{d.email}</td>
                  <td>{d.firstRow ? `the same address is in row ${d.firstRow}` : "this address has signed the campaign already"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
