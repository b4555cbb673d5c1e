type Props = {
  slug: string;
  signaturesHere: number;
  log: { size: number; count: number; waiting: number; checkpointAt: Date | null };
  locale: string;
};

/** The public count log beside the count: its size, its last checkpoint, and how far it is behind. */
export function CountLogStatus({ slug, signaturesHere, log, locale }: Props) {
  const number = new Intl.NumberFormat(locale);
  const time = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
  const behind = signaturesHere - log.count;
  return (
    <section aria-labelledby="count-log-heading">
      <h2 id="count-log-heading">Public count log</h2>
      <dl className="stats">
        <div>
          <dt>Entries</dt>
          <dd>{number.format(log.size)}</dd>
        </div>
        <div>
          <dt>Count in the log</dt>
          <dd>{number.format(log.count)}</dd>
        </div>
        <div>
          <dt>Waiting to be logged</dt>
          <dd>{number.format(log.waiting)}</dd>
        </div>
      </dl>
      <p className="stats-note">
        {log.checkpointAt ? `Last checkpoint signed ${time.format(log.checkpointAt)} UTC. ` : "No checkpoint signed yet. "}
        {log.waiting > 0
          ? `${number.format(log.waiting)} ${log.waiting === 1 ? "change" : "changes"} to the count ${log.waiting === 1 ? "is" : "are"} waiting to be logged; the log catches up within seconds.`
          : behind === 0
            ? "The log is in step with the count."
            : `The log's count differs from the count by ${number.format(Math.abs(behind))}, with nothing waiting: run npm run db:recount and report it.`}{" "}
        <a href={`/log/${slug}/checkpoint`}>The checkpoint</a> · <a href={`/en/p/${slug}/receipt`}>Check this count</a>
      </p>
    </section>
  );
}
