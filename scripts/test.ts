// `npm test`: every check in package.json, side by side where one does not wait on another, each
// step's output printed whole when it ends, then a table of each step's seconds. CI runs exactly this.
import { spawn } from "node:child_process";

/**
 * `needs`: steps that must pass first; `waitsFor`: steps that must end first, passed or not;
 * `yields`: runs at a lower CPU priority, on what the tests beside it leave idle.
 */
type Step = { name: string; script: string; needs?: string[]; waitsFor?: string[]; yields?: boolean; why: string };

const steps: Step[] = [
  // Installs what is missing once, before two steps that need it could both try at the same time.
  { name: "requirements", script: "test:requirements", why: "PostgreSQL, nginx and Chromium, found or installed" },
  // Beside the unit tests, which mostly wait on a database or a child process: a test that signs
  // thousands of times in a row slows by its every wait for a core, so these three yield.
  { name: "lint", script: "lint", yields: true, why: "ESLint" },
  { name: "typecheck", script: "typecheck", yields: true, why: "tsc, strict" },
  // next build rewrites .next/, where next typegen writes the route types that tsc reads.
  { name: "build", script: "build:if-stale", waitsFor: ["typecheck"], yields: true, why: "next build and the compiled server, for the browser tests" },
  { name: "unit", script: "test:unit", needs: ["requirements"], why: "Vitest, SQLite and PostgreSQL side by side" },
  // After the unit tests rather than beside them: both at once overload two cores, and tests
  // that time something begin to fail.
  { name: "browser", script: "test:e2e", needs: ["requirements", "build"], waitsFor: ["unit"], why: "Playwright, SQLite and PostgreSQL side by side" },
];

type Outcome = { step: Step; status: "passed" | "failed" | "not run"; startedAt: number; seconds: number; output: string };

const began = Date.now();
const since = (at: number) => (at - began) / 1000;

function run(step: Step): Promise<Outcome> {
  const startedAt = Date.now();
  return new Promise((resolve) => {
    const npm = ["npm", "run", "--silent", step.script];
    const [command, ...args] = step.yields ? ["nice", "-n", "10", ...npm] : npm;
    const child = spawn(command!, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("close", (code) => {
      const outcome: Outcome = { step, status: code === 0 ? "passed" : "failed", startedAt, seconds: (Date.now() - startedAt) / 1000, output };
      process.stdout.write(`\n── ${step.name} (npm run ${step.script}): ${outcome.status} in ${outcome.seconds.toFixed(0)} s ──\n${output}`);
      resolve(outcome);
    });
  });
}

const outcomes = new Map<string, Promise<Outcome>>();
function start(step: Step): Promise<Outcome> {
  let outcome = outcomes.get(step.name);
  if (!outcome) {
    const earlier = (names: string[] = []) => Promise.all(names.map((name) => start(steps.find((s) => s.name === name)!)));
    outcome = Promise.all([earlier(step.needs), earlier(step.waitsFor)]).then(([needed]) => {
      const failed = needed.find((d) => d.status !== "passed");
      if (!failed) return run(step);
      process.stdout.write(`\n── ${step.name}: not run, since ${failed.step.name} ${failed.status === "failed" ? "failed" : "did not run"} ──\n`);
      return { step, status: "not run" as const, startedAt: Date.now(), seconds: 0, output: "" };
    });
    outcomes.set(step.name, outcome);
  }
  return outcome;
}

/** Tests passed, failed and skipped, from Vitest's and Playwright's closing lines. */
function countTests(done: Outcome[]) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  const add = (number: string, word: string) => {
    // Flaky: failed, then passed on a retry (the config allows none).
    const key = word === "passed" || word === "flaky" ? "passed" : word === "failed" ? "failed" : "skipped";
    counts[key] += Number(number);
  };
  for (const { output } of done) {
    const text = output.replace(/\x1b\[[0-9;]*m/g, "");
    const vitest = /^\s*Tests\s+(.+)$/m.exec(text)?.[1] ?? "";
    for (const [, number, word] of vitest.matchAll(/(\d+) (passed|failed|skipped|todo)/g)) add(number!, word!);
    for (const [, number, word] of text.matchAll(/^ {2}(\d+) (passed|failed|flaky|skipped|did not run)\b/gm)) add(number!, word!);
  }
  return counts;
}

async function main() {
  const done = await Promise.all(steps.map(start));
  const rows = done.map((d) => [d.step.name, d.status, d.status === "not run" ? "" : since(d.startedAt).toFixed(0), d.status === "not run" ? "" : d.seconds.toFixed(0), d.step.why]);
  const header = ["step", "result", "began at s", "seconds", "what"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 2 || i === 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ").trimEnd();
  process.stdout.write(`\n${line(header)}\n${rows.map(line).join("\n")}\n${line(["total", "", "", since(Date.now()).toFixed(0), "wall clock, steps side by side"])}\n`);
  const { passed, failed, skipped } = countTests(done);
  process.stdout.write(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}\n`);
  process.exitCode = done.every((d) => d.status === "passed") ? 0 : 1;
}

void main();
