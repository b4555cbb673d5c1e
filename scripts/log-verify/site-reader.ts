// Fetching from the site a few requests at a time (Node's fetch keeps their connections open),
// retrying what fails in passing and telling a missing file from an unreachable site.
import { CannotCheck } from "./outcomes";

export type SiteReader = {
  /** A file of the campaign's log, or null when the site answers 404. */
  logFile(path: string): Promise<Uint8Array | null>;
  /** A file under the site's root (e.g. "api/petitions/<slug>"), or null when the site answers 404. */
  siteFile(path: string): Promise<Uint8Array | null>;
  /** Where a log file lives, for messages. */
  logUrl(path: string): string;
};

const attempts = 3;
const requestTimeoutMs = 30_000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createSiteReader(site: URL, slug: string, fetchFile: typeof fetch, concurrency = 8): SiteReader {
  const root = site.href.replace(/\/+$/, "");
  let running = 0;
  const waiting: (() => void)[] = [];

  async function limited<T>(task: () => Promise<T>): Promise<T> {
    if (running < concurrency) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      // The slot passes straight to the next in line, so no newcomer slips in between.
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  }

  /** One request, its body read while it holds its slot: the bytes, null for 404, or why it failed. */
  const request = (url: string) =>
    limited(async (): Promise<{ bytes: Uint8Array | null } | { failure: string; final: boolean }> => {
      const response = await fetchFile(url, { signal: AbortSignal.timeout(requestTimeoutMs) });
      if (response.ok) return { bytes: new Uint8Array(await response.arrayBuffer()) };
      await response.body?.cancel();
      if (response.status === 404) return { bytes: null };
      // A 4xx other than 404 will not mend by asking again.
      return { failure: `answered ${response.status} ${response.statusText}`.trim(), final: response.status < 500 };
    });

  async function get(url: string): Promise<Uint8Array | null> {
    let failure = "";
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        const answer = await request(url);
        if ("bytes" in answer) return answer.bytes;
        failure = answer.failure;
        if (answer.final) break;
      } catch (error) {
        const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
        failure = `${error instanceof Error ? error.message : String(error)}${cause}`;
      }
      if (attempt < attempts) await pause(250 * attempt);
    }
    throw new CannotCheck(`GET ${url} ${failure}`);
  }

  return {
    logFile: (path) => get(`${root}/log/${slug}/${path}`),
    siteFile: (path) => get(`${root}/${path}`),
    logUrl: (path) => `${root}/log/${slug}/${path}`,
  };
}
