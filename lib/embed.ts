import { isLocale, type Locale } from "./domain/locales";

/**
 * The words the embedded frame and the page around it say to each other by postMessage.
 * public/embed.js, which has no build step, spells them out again.
 */
export const embedMessages = {
  /** Frame → page, to any origin, carrying nothing: "I am listening now", so the page says hello. */
  ready: "countersign:ready",
  /** Page → frame, to the frame's own origin: the page's origin, learnt from the event. */
  hello: "countersign:hello",
  /** Frame → page, to the origin that said hello: `{ type, height }` in CSS pixels. */
  height: "countersign:height",
} as const;

/** The size an embed starts at, and the one oEmbed announces unless a consumer asks for less. */
export const embedSize = { width: 600, height: 600 };

const slug = "[a-z0-9]+(?:-[a-z0-9]+)*";
const embedPathShape = new RegExp(`^/(?:[a-z]{2}/)?embed/${slug}/?$`);
const campaignPathShape = new RegExp(`^(?:/([a-z]{2}))?(?:/p/(${slug}))?$`);

/** The embed pages, `/embed/<slug>` and `/<locale>/embed/<slug>` (query ignored): the only pages other sites may frame. */
export function isEmbedPath(url: string): boolean {
  return embedPathShape.test(url.split("?", 1)[0]!);
}

/** A campaign page: `slug` undefined for the home campaign, `locale` undefined for the reader's own language. */
export type CampaignTarget = { slug: string | undefined; locale: Locale | undefined };

/**
 * The campaign a page address names, when it is one of this site's campaign pages (`/`, `/p/<slug>`,
 * `/<locale>`, `/<locale>/p/<slug>`, a trailing slash and any query allowed). `siteBase` is where
 * the site is: its origin, or PUBLIC_URL with any path it has.
 */
export function campaignTarget(pageUrl: string, siteBase: string): CampaignTarget | undefined {
  let url: URL;
  let base: URL;
  try {
    url = new URL(pageUrl);
    base = new URL(siteBase);
  } catch {
    return undefined;
  }
  if (url.origin !== base.origin || url.username || url.password) return undefined;
  const prefix = base.pathname.replace(/\/+$/, "");
  const path = url.pathname.replace(/\/+$/, "");
  if (path !== prefix && !path.startsWith(`${prefix}/`)) return undefined;
  const match = campaignPathShape.exec(path.slice(prefix.length));
  if (!match) return undefined;
  const [, locale, slugFound] = match;
  if (locale !== undefined && !isLocale(locale)) return undefined;
  return { slug: slugFound, locale };
}

/** The embed page's address: in one language, or, without a locale, in each reader's own. */
export function embedUrl(siteBase: string, slugName: string, locale?: Locale): string {
  return `${siteBase.replace(/\/+$/, "")}${locale ? `/${locale}` : ""}/embed/${slugName}`;
}

/** Text made safe inside an HTML attribute or element. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export type SnippetOptions = {
  siteBase: string;
  slug: string;
  locale?: Locale;
  /** The frame's accessible name: the petition's title. */
  title: string;
  height?: number;
  maxWidth?: number;
};

/**
 * What a partner pastes into a page: the frame, which starts `height` tall and is then sized to its
 * content by the script beside it (a page without the script shows the frame scrolling). It may
 * write to the clipboard, so the thank-you's "Copy link" works in a frame from another site.
 */
export function embedSnippet({ siteBase, slug: slugName, locale, title, height = embedSize.height, maxWidth }: SnippetOptions): string {
  const style = `width:100%;${maxWidth ? `max-width:${maxWidth}px;` : ""}border:0`;
  const src = escapeHtml(embedUrl(siteBase, slugName, locale));
  const script = escapeHtml(`${siteBase.replace(/\/+$/, "")}/embed.js`);
  return (
    `<iframe data-countersign src="${src}" title="${escapeHtml(title)}" style="${style}" height="${height}" loading="lazy" allow="clipboard-write"></iframe>` +
    `<script src="${script}" async></script>`
  );
}

/** A size a consumer asked for (`maxwidth=`, `maxheight=`): a whole number of pixels above 0, else none. */
export function requestedSize(value: string | null): number | undefined {
  if (!value || !/^\d{1,5}$/.test(value)) return undefined;
  const size = Number(value);
  return size > 0 ? size : undefined;
}

/** oEmbed's "rich" answer (oembed.com, section 2.3.4). */
export type OEmbedRich = {
  version: "1.0";
  type: "rich";
  provider_name: string;
  provider_url: string;
  title: string;
  html: string;
  width: number;
  height: number;
};

/** The oEmbed answer for a campaign, within the size the consumer allows. */
export function oembedRich(options: {
  siteBase: string;
  providerName: string;
  target: { slug: string; locale: Locale | undefined };
  title: string;
  maxWidth?: number;
  maxHeight?: number;
}): OEmbedRich {
  const width = Math.min(embedSize.width, options.maxWidth ?? embedSize.width);
  const height = Math.min(embedSize.height, options.maxHeight ?? embedSize.height);
  const { siteBase, target, title } = options;
  return {
    version: "1.0",
    type: "rich",
    provider_name: options.providerName,
    provider_url: `${siteBase.replace(/\/+$/, "")}/`,
    title,
    html: embedSnippet({ siteBase, slug: target.slug, locale: target.locale, title, height, maxWidth: options.maxWidth }),
    width,
    height,
  };
}
