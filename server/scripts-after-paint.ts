/** A cached page split for its first paint: the HTML a reader is sent, and React's payload, fetched after that paint. */
export type SplitPage = { html: string; payload: string | undefined };

// Next.js's inline scripts that hand React the page's payload: the bootstrap, then one push per chunk.
const payloadScript = /<script(?: nonce="[^"]*")?>((?:\(self\.__next_f=|self\.__next_f\.push\()[\s\S]*?)<\/script>/g;

/**
 * Moves what the first paint does not need out of a rendered page: the framework's scripts (their tags and preloads) and
 * React's payload (the story again, as data, with the stylesheet twice: more than half the page's bytes). One inline
 * script, with the response's nonce so the CSP's 'strict-dynamic' lets what it adds run, adds back once the browser has
 * painted the payload from `payloadAddress` and then the scripts, run in that order. The page reads and its forms post
 * without them (React's forms work before hydration). Loaded with the HTML they took a slow phone's bandwidth, and
 * Lighthouse's simulated paint waited for them (issue 18, item 9): first the scripts (the largest paint went from about
 * 2 s to 0.8-0.9 s), then the payload (a page of 12-14 kB gzipped arrives in one round trip, one of 27-32 kB in two).
 */
export function scriptsAfterFirstPaint(html: string, nonce: string | undefined, payloadAddress: (payload: string) => string): SplitPage {
  const sources: string[] = [];
  const payload: string[] = [];
  const moved = html
    .replace(/<script src="(\/_next\/[^"]+)"([^>]*)><\/script>/g, (tag, source: string, attributes: string) => {
      // A nomodule script is for browsers without modules, which never run the loader below either.
      if (/\bnoModule\b/i.test(attributes) || !/\basync\b/.test(attributes)) return tag;
      sources.push(source);
      return "";
    })
    .replace(/<link rel="preload" as="script"[^>]*\bhref="(\/_next\/[^"]+)"[^>]*\/>/g, (tag, source: string) => (sources.includes(source) ? "" : tag))
    .replace(payloadScript, (_tag, script: string) => {
      payload.push(script);
      return "";
    });
  if (sources.length === 0 || payload.length === 0 || !moved.includes("</body>")) return { html, payload: undefined };
  const data = payload.join(";\n");
  // A frame's callback runs before that frame is drawn; the next frame's runs after it, and a task queued there later
  // still (with one frame, the requests sometimes began before the paint was recorded, and Lighthouse counted them in it).
  // Added scripts run as soon as each arrives unless async is off: then in the order added, the payload first.
  const loader =
    `<script${nonce ? ` nonce="${nonce}"` : ""}>requestAnimationFrame(function(){requestAnimationFrame(function(){setTimeout(function(){` +
    `${JSON.stringify([payloadAddress(data), ...sources])}.forEach(function(s){var e=document.createElement("script");e.src=s;e.async=false;document.body.appendChild(e)})` +
    `})})})</script>`;
  return { html: moved.replace("</body>", `${loader}</body>`), payload: data };
}
