// Stepping goals, as Proca and Change.org do: once a campaign reaches its goal, the goal shown is
// the next step of 500, 1,000, 2,500, 5,000, 10,000, 25,000 … above the total, so the counter
// keeps something to reach for instead of sitting past 100%.

/** The goal to show, and the goal or step last passed when the goal has stepped (null when it has not). */
export type ShownGoal = { goal: number; passed: number | null };

const firstStep = 500;
const multipliers = [1, 2.5, 5] as const;

/** The ladder's steps in order: 500, 1,000, 2,500, 5,000, 10,000, 25,000, 50,000, 100,000 … */
function* ladder(): Generator<number> {
  for (let scale = 100; ; scale *= 10) {
    for (const m of multipliers) {
      if (m * scale >= firstStep) yield m * scale;
    }
  }
}

/**
 * What the page shows as the goal: the organiser's own until it is reached; then, when stepping is
 * on, the first step of the ladder above the total, with the highest of the organiser's goal and
 * the steps already passed.
 */
export function shownGoal(goal: number, total: number, stepping: boolean): ShownGoal {
  if (!stepping || total < goal) return { goal, passed: null };
  let passed = goal;
  for (const step of ladder()) {
    if (step > total) return { goal: step, passed };
    passed = Math.max(passed, step);
  }
  throw new Error(`no step of the goal ladder is above ${total}`);
}
