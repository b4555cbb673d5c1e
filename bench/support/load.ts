import autocannon, { type Options, type Result } from "autocannon";

export type LoadFigures = {
  rate: number;
  p50: number;
  p99: number;
  max: number;
  requests: number;
  errors: number;
  non2xx: number;
};

const figures = (r: Result): LoadFigures => ({
  rate: r.requests.average,
  p50: r.latency.p50,
  p99: r.latency.p99,
  max: r.latency.max,
  requests: r.requests.total,
  errors: r.errors + r.timeouts,
  non2xx: r.non2xx,
});

function run(options: Options): Promise<Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

let sequence = 0;
/** A made-up signer never seen before in this run, as JSON; `ownDomain` gives each an email domain of its own. */
export function freshSignerJson(prefix: string, ownDomain = false): string {
  const n = sequence++;
  const domain = ownDomain ? `d${n}.bench.example` : "bench.example";
  return JSON.stringify({ fullName: "Bench Signer", email: `${prefix}-${process.pid}-${n}@${domain}`, country: "SY" });
}

/** The header the bench's apps trust for the client's address when they measure the limits. */
export const benchClientHeader = "x-bench-client";
let client = 0;
/** A client address never seen before in this run (10.0.0.0/8), for one request. */
export function freshClient(): Record<string, string> {
  const n = client++;
  return { [benchClientHeader]: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` };
}

export type Target = {
  url: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  /** A new body for every request; signers must be unique or the app answers "already signed". */
  body?: () => string;
  /** Headers of their own for every request, beside `headers` (a distinct client address, say). */
  eachHeaders?: () => Record<string, string>;
  /** Called with each response's status and body, to keep the signatures that got a success. */
  onResponse?: (status: number, body: string) => void;
};

function options(target: Target, rest: Partial<Options>): Options {
  return {
    url: target.url,
    method: target.method ?? "GET",
    headers: target.headers,
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          body: target.body?.(),
          ...(target.eachHeaders ? { headers: { ...target.headers, ...target.eachHeaders() } } : {}),
        }),
        onResponse: target.onResponse ? (status: number, body: string) => target.onResponse!(status, body) : undefined,
      },
    ],
    ...rest,
  } as Options;
}

/** As fast as `connections` clients can go, each sending its next request when the last is answered. */
export async function saturate(target: Target, connections: number, seconds: number): Promise<LoadFigures> {
  return figures(await run(options(target, { connections, duration: seconds, pipelining: 1 })));
}

/** A fixed offered rate, so latency is measured without a queue building up behind it. */
export async function offeredRate(target: Target, perSecond: number, seconds: number, connections = 100): Promise<LoadFigures> {
  return figures(await run(options(target, { connections, duration: seconds, overallRate: perSecond })));
}
