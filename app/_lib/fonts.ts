import localFont from "next/font/local";

/**
 * Noto Naskh Arabic, the face for Arabic pages. next/font copies the files into the build and
 * serves them from our own origin (the CSP allows fonts from 'self' only); nothing comes from a CDN.
 *
 * Only the `arabic` subset of @fontsource/noto-naskh-arabic, in two weights: 400 for text, 700 for
 * headings, buttons, labels and emphasis (where globals.css asks for 600, the browser takes 700:
 * a third file cost each first Arabic visit 57 KB). The unicode-range is the
 * subset's own, from the package's CSS (its scattered Arabic-mathematical ranges merged into one),
 * so Latin letters, digits and spaces in Arabic text fall through to the next font in the stack.
 *
 * - preload: false. The root layout puts the variable on every page, and preloading would make
 *   every English page download the Arabic files too; without a preload a browser fetches a
 *   weight only when text on the page needs it, that is, on Arabic pages.
 * - adjustFontFallback: false. The generated fallback is a size-adjusted local Arial with no
 *   unicode-range, which would sit second in the stack and take every Latin character of an
 *   Arabic page away from the serif and sans stacks in globals.css.
 * - display: optional. A reader on a slow connection reads at once in their system's Arabic face
 *   (every phone has one) rather than waiting or seeing the text jump; the file is fetched anyway
 *   and used from the next page on.
 *
 * next/font reads these options at build time: they must stay literal values.
 * Use: `arabicFont.variable` on <html>; globals.css reads `var(--font-arabic)` under :lang(ar).
 */
export const arabicFont = localFont({
  src: [
    {
      path: "../../node_modules/@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff2",
      weight: "400",
      style: "normal",
    },
    {
      path: "../../node_modules/@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-700-normal.woff2",
      weight: "700",
      style: "normal",
    },
  ],
  variable: "--font-arabic",
  display: "optional",
  preload: false,
  adjustFontFallback: false,
  declarations: [
    {
      prop: "unicode-range",
      value:
        "U+0600-06FF, U+0750-077F, U+0870-088E, U+0890-0891, U+0897-08E1, U+08E3-08FF, U+200C-200E, U+2010-2011, U+204F, U+2E41, U+FB50-FDFF, U+FE70-FE74, U+FE76-FEFC, U+102E0-102FB, U+10E60-10E7E, U+10EC2-10EC4, U+10EFC-10EFF, U+1EE00-1EEF1",
    },
  ],
});
