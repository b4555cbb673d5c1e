import type { UpdateSummary } from "@/lib/domain/update";

/** The updates sent, newest first, with where their messages are: waiting, sent, failed. */
export function UpdateList({ updates }: { updates: UpdateSummary[] }) {
  if (updates.length === 0) return <p>No updates sent yet.</p>;
  const number = new Intl.NumberFormat("en");
  const time = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return (
    <div className="table-scroll">
      <table>
        <caption className="visually-hidden">Updates sent</caption>
        <thead>
          <tr>
            <th scope="col">Sent (UTC)</th>
            <th scope="col">Subject</th>
            <th scope="col">On the page</th>
            <th scope="col">Recipients</th>
            <th scope="col">Queued</th>
            <th scope="col">Sent</th>
            <th scope="col">Failed</th>
          </tr>
        </thead>
        <tbody>
          {updates.map((u) => (
            <tr key={u.id}>
              <td>{time.format(u.createdAt)}</td>
              <th scope="row">{u.subject}</th>
              <td>{u.showOnPage ? "Yes" : "No"}</td>
              <td>
                {number.format(u.recipients)}
                {u.queuedAt ? "" : " so far"}
              </td>
              <td>{number.format(u.counts.queued)}</td>
              <td>{number.format(u.counts.sent)}</td>
              <td>{number.format(u.counts.failed)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
