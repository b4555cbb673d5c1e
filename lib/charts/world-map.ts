import { geoEqualEarth, geoPath, type GeoSphere } from "d3-geo";
import { scaleQuantize, type ScaleQuantize } from "d3-scale";
import isoCountries from "i18n-iso-countries";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries110m from "world-atlas/countries-110m.json";
import { processWide } from "../process-wide";
import type { CountryCount } from "@/lib/domain/ports/charts";

export const mapWidth = 720;
/** Light to dark, for fewer to more signatures; dark enough at the top to read against the page. */
export const mapPalette = ["#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"] as const;
/** Countries no one has signed from: warm grey, apart from the palette's lightest blue. */
export const emptyFill = "#e6e1d8";

type Shape = { key: string; alpha2: string | undefined; name: string; d: string };

// world-atlas names countries by ISO 3166-1 numeric code; three have none (Kosovo, N. Cyprus,
// Somaliland), of which only Kosovo has an alpha-2 code signers can choose.
const unnumbered: Record<string, string> = { Kosovo: "XK" };

/** The projected outline and country shapes: the same for every campaign, so made once a process. */
const geometry = processWide("world-map", () => {
  // A static file of a pinned package, in the TopoJSON shape its README documents.
  const topology = countries110m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const countries = feature(topology, topology.objects.countries);
  const sphere: GeoSphere = { type: "Sphere" };
  const projection = geoEqualEarth().fitWidth(mapWidth, sphere);
  const path = geoPath(projection).digits(1);
  const [, [, bottom]] = path.bounds(sphere);
  const shapes = countries.features.map((country, i): Shape => {
    const name = country.properties.name;
    const alpha2 = country.id === undefined ? unnumbered[name] : isoCountries.numericToAlpha2(country.id);
    return { key: String(country.id ?? `n${i}`), alpha2, name, d: path(country) ?? "" };
  });
  return { height: Math.ceil(bottom), outline: path(sphere) ?? "", shapes };
});

export type MapCountry = Shape & { count: number; fill: string };
/** One shade of the key: the counts from `from` to `to` (whole signatures) are drawn in `fill`. */
export type MapKey = { fill: string; from: number; to: number };
export type WorldMap = { width: number; height: number; outline: string; countries: MapCountry[]; key: MapKey[]; max: number };

/**
 * The world in Equal Earth, each country shaded by its signatures in five equal steps up to the
 * most any country on the map has. Codes the map does not draw (small islands at this scale, a
 * code it does not know) are left to the ranked list beside it.
 */
export function worldMap(counts: readonly CountryCount[]): WorldMap {
  const { height, outline, shapes } = geometry();
  const byCode = new Map(counts.map(({ country, count }) => [country, count]));
  const countOf = (alpha2: string | undefined) => (alpha2 === undefined ? 0 : (byCode.get(alpha2) ?? 0));
  const max = Math.max(0, ...shapes.map((shape) => countOf(shape.alpha2)));
  const shade = scaleQuantize<string>().domain([1, Math.max(1, max)]).range(mapPalette);
  const countries = shapes.map((shape) => {
    const count = countOf(shape.alpha2);
    return { ...shape, count, fill: count > 0 ? shade(count) : emptyFill };
  });
  return { width: mapWidth, height, outline, countries, key: mapKey(shade, max), max };
}

/** The shades in use and the whole numbers each stands for; a shade no whole number falls in is left out. */
function mapKey(shade: ScaleQuantize<string>, max: number): MapKey[] {
  if (max === 0) return [];
  return mapPalette.flatMap((fill, i) => {
    // Each shade holds [x0, x1); the darkest holds the most, max, too.
    const [x0, x1] = shade.invertExtent(fill);
    const from = Math.ceil(x0);
    const to = i === mapPalette.length - 1 ? max : Math.ceil(x1) - 1;
    return from <= to ? [{ fill, from, to }] : [];
  });
}
