import { rankCountries } from "@/lib/charts/country-ranking";
import { emptyFill, worldMap } from "@/lib/charts/world-map";
import { countryName } from "@/lib/domain/countries";
import type { CountryCount } from "@/lib/domain/ports/charts";
import { CsvLink } from "./Figures";
import { chartFormat } from "./format";

type Props = { countries: CountryCount[]; locale: string; csv: string };

/** A world map shaded by signatures, beside the countries most signed from. */
export function CountryMap({ countries, locale, csv }: Props) {
  const format = chartFormat(locale);
  const map = worldMap(countries);
  const ranking = rankCountries(countries);
  const name = (code: string) => countryName(code, locale);
  const leaders = ranking.top.slice(0, 3).map((c) => `${name(c.country)} (${format.number(c.count)})`);
  const summary =
    ranking.total === 0
      ? "World map of signatures by country: no one has signed yet."
      : `World map of signatures by country, ${format.count(countries.length, "country", "countries")} in all; ` +
        `most from ${format.list(leaders)}. The table beside it has the figures.`;
  return (
    <section className="admin-section" aria-labelledby="countries-heading">
      <h2 id="countries-heading">Where signers are</h2>
      <p>Signatures that count or await confirmation, by the country signers chose.</p>
      <div className="chart-pair">
        <div className="chart">
          <svg className="chart-svg chart-map" viewBox={`0 0 ${map.width} ${map.height}`} role="img" aria-label={summary}>
            <path d={map.outline} className="chart-sphere" />
            {map.countries.map((country) => (
              <path key={country.key} d={country.d} fill={country.fill} className="chart-country">
                <title>{`${country.alpha2 ? name(country.alpha2) : country.name}: ${format.number(country.count)}`}</title>
              </path>
            ))}
          </svg>
          <ul className="chart-legend" aria-label="Map key">
            <li>
              <span className="chart-swatch" style={{ background: emptyFill }} />
              None
            </li>
            {map.key.map((shade) => (
              <li key={shade.fill}>
                <span className="chart-swatch" style={{ background: shade.fill }} />
                {shade.from === shade.to ? format.number(shade.from) : `${format.number(shade.from)}–${format.number(shade.to)}`}
              </li>
            ))}
          </ul>
        </div>
        <div className="table-scroll">
          <table>
            <caption>Signatures by country, most first</caption>
            <thead>
              <tr>
                <th scope="col">Country</th>
                <th scope="col">Signatures</th>
              </tr>
            </thead>
            <tbody>
              {ranking.total === 0 && (
                <tr>
                  <td colSpan={2}>No signatures yet.</td>
                </tr>
              )}
              {ranking.top.map((c) => (
                <tr key={c.country}>
                  <th scope="row">{name(c.country)}</th>
                  <td>{format.number(c.count)}</td>
                </tr>
              ))}
              {ranking.others.countries > 0 && (
                <tr>
                  <th scope="row">Others ({format.count(ranking.others.countries, "country", "countries")})</th>
                  <td>{format.number(ranking.others.count)}</td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </div>
      <CsvLink href={csv} what="signatures by country" />
    </section>
  );
}
