// Reading a log's published files over HTTP, in a browser or in Node.

/** A file of the log by its path under the log's URL: its bytes, or null when the log has no such file (404). */
export type ReadLogFile = (path: string) => Promise<Uint8Array | null>;

/** Reads files under `logUrl` (absolute, or relative to the page, e.g. "/log/white-helmets"). */
export function logFileReader(logUrl: string, fetchFile: typeof fetch = (input, init) => fetch(input, init)): ReadLogFile {
  const base = logUrl.replace(/\/+$/, "");
  return async (path) => {
    const url = `${base}/${path}`;
    const response = await fetchFile(url);
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`GET ${url} answered ${response.status} ${response.statusText}`.trim());
    return new Uint8Array(await response.arrayBuffer());
  };
}
