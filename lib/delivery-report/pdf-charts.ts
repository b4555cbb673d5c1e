import type PDFDocument from "pdfkit";
import { timeSeriesChart, seriesKeys, type SeriesKey } from "../charts/time-series";
import { emptyFill, worldMap } from "../charts/world-map";
import { countryName } from "../domain/countries";
import type { CountryCount, SignatureBucket } from "@/lib/domain/ports/charts";
import type { TextWriter } from "./pdf-text";

// The dashboard's charts drawn again with pdfkit's vector paths from the same geometry
// (lib/charts/), so they print crisp at any zoom. Coordinates are PDF points from the cursor.

type Doc = InstanceType<typeof PDFDocument>;

/**
 * Each status as the dashboard names it (app/admin/petitions/[slug]/charts/paint.tsx); the colours
 * are lighter after the first, since these bars have no textures to tell them apart.
 */
const statusColours: Record<SeriesKey, { label: string; colour: string }> = {
  confirmed: { label: "Confirmed", colour: "#1f6b3a" },
  pending: { label: "Awaiting confirmation", colour: "#d08a2c" },
  invalidated: { label: "Invalidated", colour: "#9a948b" },
};

const number = new Intl.NumberFormat("en");
const day = new Intl.DateTimeFormat("en", { day: "numeric", month: "short", timeZone: "UTC" });
const small = { size: 8, colour: "#444444" };

/** Swatches with their names in one row at the cursor; the cursor moves below them. */
function legend(doc: Doc, text: TextWriter, items: { colour: string; label: string }[]): void {
  let x = text.left;
  const y = doc.y;
  for (const item of items) {
    doc.rect(x, y + 1, 8, 8).fill(item.colour);
    text.line(item.label, x + 12, y, 200, small, "left");
    x += 12 + text.measure(item.label, small) + 16;
  }
  doc.y = y + 16;
}

/** Signatures per UTC day, stacked by status as on the dashboard. */
export function drawPerDay(doc: Doc, text: TextWriter, buckets: readonly SignatureBucket[]): void {
  const height = 190;
  text.ensureRoom(height + 24);
  const top = doc.y;
  const chart = timeSeriesChart(buckets, "day", { width: text.width, height, margin: { top: 8, right: 4, bottom: 24, left: 44 } });
  const { plot } = chart;
  const baseline = top + plot.y + plot.height;
  for (const tick of chart.countTicks) {
    doc.moveTo(text.left + plot.x, top + tick.y).lineTo(text.left + plot.x + plot.width, top + tick.y).lineWidth(0.4).stroke("#d8d3ca");
    text.line(number.format(tick.value), text.left, top + tick.y - 4, plot.x - 6, small, "right");
  }
  for (const bar of chart.bars) {
    for (const segment of bar.segments) {
      doc.rect(text.left + segment.x, top + segment.y, Math.max(segment.width, 0.3), segment.height).fill(statusColours[segment.series].colour);
    }
  }
  doc.moveTo(text.left + plot.x, baseline).lineTo(text.left + plot.x + plot.width, baseline).lineWidth(0.8).stroke("#1b1b1b");
  for (const tick of chart.timeTicks) {
    const label = day.format(tick.at);
    const width = text.measure(label, small);
    text.line(label, text.left + tick.x - width / 2, baseline + 6, width + 2, small, "left");
  }
  doc.y = top + height + 6;
  legend(doc, text, seriesKeys.map((key) => statusColours[key]));
}

/** The world map shaded by signatures, with its key. */
export function drawWorldMap(doc: Doc, text: TextWriter, counts: readonly CountryCount[]): void {
  const map = worldMap(counts);
  const scale = text.width / map.width;
  text.ensureRoom(map.height * scale + 24);
  const top = doc.y;
  doc.save().translate(text.left, top).scale(scale);
  doc.path(map.outline).fill("#f4f1ec");
  for (const country of map.countries) doc.path(country.d).lineWidth(0.5 / scale).fillAndStroke(country.fill, "#ffffff");
  doc.restore();
  doc.y = top + map.height * scale + 6;
  const shades = map.key.map((shade) => ({
    colour: shade.fill,
    label: shade.from === shade.to ? number.format(shade.from) : `${number.format(shade.from)}–${number.format(shade.to)}`,
  }));
  legend(doc, text, [{ colour: emptyFill, label: "None" }, ...shades]);
}

/** The countries most signed from, then the others as one line, as a two-column table. */
export function drawCountryTable(doc: Doc, text: TextWriter, ranking: { top: CountryCount[]; others: { countries: number; count: number } }): void {
  const row = 15;
  const style = { size: 10 };
  const rows = [
    ...ranking.top.map((c) => ({ name: countryName(c.country, "en"), count: c.count })),
    ...(ranking.others.countries > 0
      ? [{ name: `Others (${number.format(ranking.others.countries)} ${ranking.others.countries === 1 ? "country" : "countries"})`, count: ranking.others.count }]
      : []),
  ];
  const nameWidth = text.width * 0.6;
  const header = () => {
    text.line("Country", text.left, doc.y, nameWidth, { ...style, weight: 700 }, "left");
    text.line("Signatures", text.left + nameWidth, doc.y, text.width - nameWidth, { ...style, weight: 700 }, "right");
    doc.y += row;
  };
  text.ensureRoom(row * 2);
  header();
  if (rows.length === 0) {
    text.line("No signatures yet.", text.left, doc.y, text.width, style, "left");
    doc.y += row;
  }
  for (const { name, count } of rows) {
    if (text.ensureRoom(row)) header();
    doc.moveTo(text.left, doc.y - 3).lineTo(text.left + text.width, doc.y - 3).lineWidth(0.3).stroke("#d8d3ca");
    text.line(name, text.left, doc.y, nameWidth, style, "left");
    text.line(number.format(count), text.left + nameWidth, doc.y, text.width - nameWidth, style, "right");
    doc.y += row;
  }
  doc.y += 8;
}
