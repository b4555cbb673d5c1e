import type { MailProblem } from "@/lib/domain/model";
import type { MailProblems } from "@/lib/dashboard";

/**
 * Mail that has not gone out. Whom it was for and the server's answer are columns only for a role
 * that may see who signed (lib/dashboard.ts leaves them out for the others).
 */
export function MailProblemTable({ mail, time }: { mail: MailProblems; time: Intl.DateTimeFormat }) {
  const shown = mail.recipients === "shown";
  const rows: { problem: MailProblems["problems"][number]; whom?: Pick<MailProblem, "toAddress" | "lastError"> }[] =
    mail.recipients === "shown" ? mail.problems.map((p) => ({ problem: p, whom: p })) : mail.problems.map((p) => ({ problem: p }));
  return (
    <>
      <h3 id="mail-problems-heading">Mail that has not gone out</h3>
      {!shown && <p>Owners and editors see whom each message was for and what the mail server answered.</p>}
      <table aria-labelledby="mail-problems-heading">
        <thead>
          <tr>
            <th scope="col">Queued (UTC)</th>
            <th scope="col">Kind</th>
            {shown && <th scope="col">To</th>}
            <th scope="col">Attempts</th>
            {shown && <th scope="col">Last error</th>}
            <th scope="col">Next</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ problem, whom }) => (
            <tr key={problem.id}>
              <td>{time.format(problem.createdAt)}</td>
              <td>{problem.kind}</td>
              {whom && <td>{whom.toAddress}</td>}
              <td>{problem.attempts}</td>
              {whom && <td>{whom.lastError}</td>}
              <td>{problem.failedAt ? "given up" : time.format(problem.nextAttemptAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
