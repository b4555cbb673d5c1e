// How a chart's series are painted: a colour that reads at 3:1 or more against the page, and a
// texture of its own, so no series is told from another by colour alone.

export type Paint = { label: string; colour: string; texture: "solid" | "hatch" | "dots" };

/** The statuses in the time series, as the legend names them. */
export const statusPaint = {
  confirmed: { label: "Confirmed", colour: "#1f6b3a", texture: "solid" },
  pending: { label: "Awaiting confirmation", colour: "#8a4f00", texture: "hatch" },
  invalidated: { label: "Invalidated", colour: "#5a544b", texture: "dots" },
} as const satisfies Record<string, Paint>;

export const fillFor = (id: string, paint: Paint) => (paint.texture === "solid" ? paint.colour : `url(#${id})`);

/** The SVG pattern a textured paint fills with; nothing for a solid one. */
export function Texture({ id, paint }: { id: string; paint: Paint }) {
  if (paint.texture === "hatch") {
    return (
      <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="#ffffff" />
        <rect width="3" height="6" fill={paint.colour} />
      </pattern>
    );
  }
  if (paint.texture === "dots") {
    return (
      <pattern id={id} width="5" height="5" patternUnits="userSpaceOnUse">
        <rect width="5" height="5" fill="#ffffff" />
        <circle cx="2.5" cy="2.5" r="1.4" fill={paint.colour} />
      </pattern>
    );
  }
  return null;
}

/** A legend: each series' swatch, drawn as its bars are, beside its name. */
export function Legend({ id, paints }: { id: string; paints: readonly Paint[] }) {
  return (
    <ul className="chart-legend">
      {paints.map((paint, i) => (
        <li key={paint.label}>
          <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" focusable="false">
            <defs>
              <Texture id={`${id}-${i}`} paint={paint} />
            </defs>
            <rect x="1" y="1" width="16" height="16" fill={fillFor(`${id}-${i}`, paint)} stroke={paint.colour} strokeWidth="1.5" />
          </svg>
          {paint.label}
        </li>
      ))}
    </ul>
  );
}
