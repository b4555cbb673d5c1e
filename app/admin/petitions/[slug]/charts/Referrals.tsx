import { splitBar } from "@/lib/charts/split-bar";
import type { ReferralSummary } from "@/lib/domain/ports/charts";
import { CsvLink, ShowFigures } from "./Figures";
import { chartFormat } from "./format";
import { fillFor, Legend, Texture, type Paint } from "./paint";

type Props = { referrals: ReferralSummary; locale: string; csv: string };

const paints = {
  referred: { label: "Through a signer's share link", colour: "#1f4e8c", texture: "solid" },
  direct: { label: "Without a share link", colour: "#5a544b", texture: "hatch" },
} as const satisfies Record<string, Paint>;

const width = 720;
const height = 36;

/** How many came through signers' share links, from how many sharers: counts only, never who. */
export function Referrals({ referrals, locale, csv }: Props) {
  const format = chartFormat(locale);
  const { referred, direct, sharers, topSharers } = referrals;
  const parts = splitBar(
    [
      { key: "referred", value: referred },
      { key: "direct", value: direct },
    ],
    width,
  );
  const brought = `${format.list(topSharers.map((n) => format.number(n)))} signature${topSharers.length === 1 && topSharers[0] === 1 ? "" : "s"}`;
  const sentence =
    referred + direct === 0
      ? "No one has signed yet, through a share link or without one."
      : referred === 0
        ? `No one has come through a signer's share link yet; ${format.count(direct)} arrived without one.`
        : `${format.count(referred)} came through signers' share links, from ${format.count(sharers, "distinct sharer")}; ` +
          `the top ${sharers === 1 ? "sharer" : "sharers"} brought ${brought}. ${format.count(direct)} arrived without one.`;
  const percent = new Intl.NumberFormat(locale, { style: "percent" });
  const keyed = (key: keyof typeof paints, n: number) => {
    const share = parts.find((part) => part.key === key)?.share ?? 0;
    return { ...paints[key], label: `${paints[key].label}: ${format.number(n)} (${percent.format(share)})` };
  };
  return (
    <section className="admin-section" aria-labelledby="referrals-heading">
      <h2 id="referrals-heading">Where signers came from</h2>
      <p>{sentence}</p>
      {parts.length > 0 && (
        <div className="chart">
          <svg className="chart-svg" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={sentence}>
            <defs>
              <Texture id="referrals-direct" paint={paints.direct} />
            </defs>
            {parts.map((part) => (
              <rect
                key={part.key}
                x={part.x}
                y={1}
                width={part.width}
                height={height - 2}
                fill={fillFor(`referrals-${part.key}`, paints[part.key])}
                stroke={paints[part.key].colour}
              />
            ))}
          </svg>
          <Legend id="referrals-key" paints={[keyed("referred", referred), keyed("direct", direct)]} />
        </div>
      )}
      <p className="stats-note">
        Signatures that count or await confirmation. Sharers are ranked, never named. Which website a signer came from is
        not recorded, only whether a signer&apos;s share link brought them.
      </p>
      <ShowFigures>
        <table>
          <caption>How signers came to the petition</caption>
          <tbody>
            <tr>
              <th scope="row">{paints.referred.label}</th>
              <td>{format.number(referred)}</td>
            </tr>
            <tr>
              <th scope="row">{paints.direct.label}</th>
              <td>{format.number(direct)}</td>
            </tr>
            <tr>
              <th scope="row">Signers whose link brought anyone</th>
              <td>{format.number(sharers)}</td>
            </tr>
            {topSharers.map((n, i) => (
              <tr key={i}>
                <th scope="row">Brought by the sharer ranked {i + 1}</th>
                <td>{format.number(n)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ShowFigures>
      <CsvLink href={csv} what="the referral figures" />
    </section>
  );
}
