import type { ReactNode } from "react";

/** A chart's figures as a table, folded away under the chart for those who would rather read them. */
export function ShowFigures({ children }: { children: ReactNode }) {
  return (
    <details className="chart-figures">
      <summary>Show the figures</summary>
      <div className="table-scroll">{children}</div>
    </details>
  );
}

export function CsvLink({ href, what }: { href: string; what: string }) {
  return (
    <p className="chart-csv">
      <a href={href} download>
        Download {what} (CSV)
      </a>
    </p>
  );
}
