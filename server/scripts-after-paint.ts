/**
 * Moves a rendered page's framework scripts from its head to after its first paint: their tags and preloads come out, and one
 * inline script (with the response's nonce, so the CSP's 'strict-dynamic' lets what it adds run) adds them back once the
 * browser has painted. The page reads and its forms post without them (React's forms work before hydration); loaded
 * together with the HTML, they took the bandwidth of a slow phone's first paint, and Lighthouse's simulated paint waited on
 * them (issue 18, item 9: the largest paint went from about 2 s to the first paint's time, 0.8-0.9 s).
 */
export function scriptsAfterFirstPaint(html: string, nonce: string | undefined): string {
  const sources: string[] = [];
  const moved = html
    .replace(/<script src="(\/_next\/[^"]+)"([^>]*)><\/script>/g, (tag, source: string, attributes: string) => {
      // A nomodule script is for browsers without modules, which never run the loader below either.
      if (/\bnoModule\b/i.test(attributes) || !/\basync\b/.test(attributes)) return tag;
      sources.push(source);
      return "";
    })
    .replace(/<link rel="preload" as="script"[^>]*\bhref="(\/_next\/[^"]+)"[^>]*\/>/g, (tag, source: string) => (sources.includes(source) ? "" : tag));
  if (sources.length === 0 || !moved.includes("</body>")) return html;
  // requestAnimationFrame runs before the first paint, and a task queued from it after that paint.
  const loader =
    `<script${nonce ? ` nonce="${nonce}"` : ""}>requestAnimationFrame(function(){setTimeout(function(){` +
    `${JSON.stringify(sources)}.forEach(function(s){var e=document.createElement("script");e.src=s;e.async=true;document.body.appendChild(e)})` +
    `})})</script>`;
  return moved.replace("</body>", `${loader}</body>`);
}
