import type { Face } from "./fonts";

// pdfkit shapes text with fontkit, which lays a run of Arabic out right to left (its glyphs
// reversed, its letters joined), but neither orders the runs of a line that mixes directions, and
// fontkit reverses digits in an Arabic font too. This is the part of the Unicode bidirectional
// algorithm a name or a line of a paragraph needs: runs by font and kind, an embedding level for
// each (rules W and N, simplified to letters, digits and the rest), and the reordering of rule L2.

export type RunKind = "ltr" | "rtl" | "digits" | "neutral";
/** Text in one face, in logical order. */
export type TextRun = { text: string; face: Face; kind: RunKind };
/** A run as drawn, left to right: `text` is what to hand pdfkit so it comes out in reading order. */
export type DrawnRun = { text: string; face: Face };

const rtlLetter = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u;
const letter = /[\p{L}\p{M}]/u;
const digit = /\p{Nd}/u;

function kindOf(char: string): RunKind {
  if (digit.test(char)) return "digits";
  if (!letter.test(char)) return "neutral";
  return rtlLetter.test(char) ? "rtl" : "ltr";
}

/** The text as runs in logical order: a run ends where the face or the kind changes. */
export function textRuns(text: string, faceOf: (codePoint: number) => Face): TextRun[] {
  const runs: TextRun[] = [];
  for (const char of text) {
    const face = faceOf(char.codePointAt(0)!);
    // A combining mark belongs to the letter before it, whatever its own class.
    const kind = /\p{M}/u.test(char) && runs.length > 0 ? runs.at(-1)!.kind : kindOf(char);
    const last = runs.at(-1);
    if (last && last.face === face && last.kind === kind) last.text += char;
    else runs.push({ text: char, face, kind });
  }
  return runs;
}

/** Whether the text reads right to left: its first letter does. */
export function isRightToLeft(runs: readonly TextRun[]): boolean {
  return runs.find((run) => run.kind === "rtl" || run.kind === "ltr")?.kind === "rtl";
}

/** Each run's embedding level: even left to right, odd right to left. */
function levels(runs: readonly TextRun[], base: 0 | 1): number[] {
  const baseDirection = base ? "rtl" : "ltr";
  // Digits go the way of the letters before them (W2, W7); spaces and marks have none of their own.
  let context: "ltr" | "rtl" = baseDirection;
  const directions = runs.map((run) => {
    if (run.kind === "ltr" || run.kind === "rtl") context = run.kind;
    return run.kind === "neutral" ? undefined : context;
  });
  // Left to right inside right-to-left text is level 2; right to left is always 1 here.
  const leftToRight = base === 1 ? 2 : 0;
  return runs.map((run, i) => {
    if (run.kind === "rtl") return 1;
    if (run.kind === "ltr") return leftToRight;
    if (run.kind === "digits") return directions[i] === "rtl" ? 2 : leftToRight;
    // Between two stretches of one direction a space takes it (N1); otherwise the text's (N2).
    const before = directions.slice(0, i).findLast((d) => d !== undefined) ?? baseDirection;
    const after = directions.slice(i + 1).find((d) => d !== undefined) ?? baseDirection;
    if (before !== after) return base;
    return before === "rtl" ? 1 : leftToRight;
  });
}

/**
 * The runs in the order they are drawn from left to right (L2: from the highest level down,
 * every stretch at that level or above is reversed). fontkit reverses whatever is in an Arabic
 * face; everything else is reversed here when it reads right to left.
 */
export function visualRuns(runs: readonly TextRun[]): DrawnRun[] {
  const base = isRightToLeft(runs) ? 1 : 0;
  const runLevels = levels(runs, base);
  const leveled = runs.map((run, i) => ({ run, level: runLevels[i]! }));
  const highest = Math.max(0, ...leveled.map((r) => r.level));
  for (let level = highest; level >= 1; level--) {
    for (let i = 0; i < leveled.length; ) {
      if (leveled[i]!.level < level) {
        i++;
        continue;
      }
      let end = i;
      while (end < leveled.length && leveled[end]!.level >= level) end++;
      leveled.splice(i, end - i, ...leveled.slice(i, end).reverse());
      i = end;
    }
  }
  const drawn: DrawnRun[] = [];
  for (const { run, level } of leveled) {
    const readsBackwards = level % 2 === 1;
    const text = run.face.rtl === readsBackwards ? run.text : [...run.text].reverse().map((c) => (readsBackwards ? mirror(c) : c)).join("");
    const last = drawn.at(-1);
    // Neighbours in one face are drawn as one; never Arabic, which fontkit would reverse as a whole.
    if (last && last.face === run.face && !run.face.rtl) last.text += text;
    else drawn.push({ text, face: run.face });
  }
  return drawn;
}

const mirrored: Record<string, string> = { "(": ")", ")": "(", "[": "]", "]": "[", "{": "}", "}": "{", "<": ">", ">": "<", "«": "»", "»": "«" };
/** A bracket in right-to-left text faces the other way (L4). */
const mirror = (char: string) => mirrored[char] ?? char;
