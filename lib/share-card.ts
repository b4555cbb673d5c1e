import { Resvg } from "@resvg/resvg-js";
import satori from "satori";
import { formattingLocale, isLocale } from "./domain/locales";
import { cardFonts } from "./share-card-fonts";

/** What a share card says: the words arrive translated; only the numbers are formatted here. */
export type ShareCardInput = {
  title: string;
  total: number;
  goal: number;
  locale: "en" | "ar" | string;
  direction: "ltr" | "rtl";
  /** `goal` holds `{goal}`, replaced by the formatted goal. */
  labels: { signatures: string; goal: string };
  siteName: string;
};

export const cardWidth = 1200;
export const cardHeight = 630;

const ink = "#1d1a16";
const paper = "#faf8f4";
const accent = "#a8231b";
const muted = "rgba(250, 248, 244, 0.66)";
const track = "rgba(250, 248, 244, 0.16)";

/**
 * The total as a card tells it. A card is cached and shared for days, so it claims no more than
 * is true and moves in steps: exact below 1,000, then to the hundred, the thousand, and from a
 * million the hundred thousand.
 */
export function roundedTotal(total: number): number {
  const whole = Math.max(0, Math.floor(total));
  const step = whole < 1_000 ? 1 : whole < 10_000 ? 100 : whole < 1_000_000 ? 1_000 : 100_000;
  return Math.floor(whole / step) * step;
}

/** Digits as the pages write them for the locale (Arabic-Indic in Arabic); Latin for a locale the site lacks. */
function numberFormat(locale: string): Intl.NumberFormat {
  return new Intl.NumberFormat(isLocale(locale) ? formattingLocale(locale) : "en-u-nu-latn");
}

type Style = Record<string, string | number>;
/** The element shape satori reads, built without React: lib/ knows nothing of it. */
type CardNode = { type: "div"; key: null; props: { style: Style; children?: CardNode | string | CardNode[] } };

function div(style: Style, children?: CardNode | string | CardNode[]): CardNode {
  return { type: "div", key: null, props: { style: { display: "flex", ...style }, children } };
}

/** Long titles get smaller type, so that three lines hold nearly all of them. */
function titleSize(title: string): number {
  const length = [...title].length;
  return length <= 40 ? 72 : length <= 70 ? 60 : length <= 110 ? 50 : 42;
}

function card(input: ShareCardInput): CardNode {
  const rtl = input.direction === "rtl";
  const number = numberFormat(input.locale);
  const shown = roundedTotal(input.total);
  const total = number.format(shown) + (shown < input.total ? "+" : "");
  const goal = input.labels.goal.replaceAll("{goal}", number.format(input.goal));
  // Naskh's letters are small for their size beside Noto Sans's.
  const labelSize = rtl ? 38 : 32;
  const share = input.goal > 0 ? Math.min(1, Math.max(0, input.total / input.goal)) : 0;

  return div(
    {
      width: cardWidth,
      height: cardHeight,
      boxSizing: "border-box",
      flexDirection: "column",
      padding: "56px 80px 64px",
      borderTop: `14px solid ${accent}`,
      backgroundColor: ink,
      color: paper,
      // Rows, text and the bar all start from the right in a right-to-left card.
      direction: input.direction,
      // Each script's own face first; the other fills in the characters the first lacks.
      fontFamily: rtl ? "Noto Naskh Arabic, Noto Sans" : "Noto Sans, Noto Naskh Arabic",
    },
    [
      div({ fontSize: 28, fontWeight: 700, color: muted }, input.siteName),
      div({ flexGrow: 1, alignItems: "center" }, [
        div(
          {
            display: "block",
            width: "100%",
            fontSize: titleSize(input.title),
            fontWeight: 700,
            // Naskh needs room above and below for its dots and tall letters.
            lineHeight: rtl ? 1.5 : 1.2,
            lineClamp: 3,
            // A word longer than the line (a pasted address) breaks rather than running off the card.
            overflowWrap: "break-word",
          },
          input.title,
        ),
      ]),
      div({ alignItems: "baseline", justifyContent: "space-between", marginBottom: 28 }, [
        div({ alignItems: "baseline" }, [
          div({ fontSize: 76, fontWeight: 700, lineHeight: 1 }, total),
          div({ fontSize: labelSize, color: muted, [rtl ? "marginRight" : "marginLeft"]: 20 }, input.labels.signatures),
        ]),
        div({ fontSize: labelSize, color: muted }, goal),
      ]),
      div({ width: "100%", height: 20, borderRadius: 10, backgroundColor: track }, [
        div({ width: `${share * 100}%`, height: 20, borderRadius: 10, backgroundColor: accent }),
      ]),
    ],
  );
}

/** A 1200x630 PNG for Open Graph and Twitter cards. */
export async function renderShareCard(input: ShareCardInput): Promise<Buffer> {
  const svg = await satori(card(input), { width: cardWidth, height: cardHeight, fonts: cardFonts() });
  // The text arrives as paths, so resvg needs no fonts: skipping its scan of the system's saves time.
  const image = new Resvg(svg, { fitTo: { mode: "width", value: cardWidth }, font: { loadSystemFonts: false } });
  return image.render().asPng();
}
