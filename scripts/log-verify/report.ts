// The verifier's output: one line per check, with its figures.

export const figure = (n: number) => n.toLocaleString("en-US");
export const plural = (n: number, thing: string, things = `${thing}s`) => `${figure(n)} ${n === 1 ? thing : things}`;
export const seconds = (s: number) => `${s.toFixed(1)} s`;

export type Report = {
  ok(check: string, detail: string): void;
  fail(check: string, detail: string): void;
  line(text: string): void;
};

export function printedReport(print: (line: string) => void): Report {
  return {
    ok: (check, detail) => print(`ok    ${check.padEnd(10)}  ${detail}`),
    fail: (check, detail) => print(`FAIL  ${check.padEnd(10)}  ${detail}`),
    line: print,
  };
}
