// The two ways a check can stop short: the log disagrees with itself or the site (exit 1), or it
// could not be checked at all (exit 2).

/** What the site published does not check out; the message names what, with its index or path. */
export class Disagreement extends Error {
  constructor(
    readonly check: string,
    message: string,
  ) {
    super(message);
    this.name = "Disagreement";
  }
}

/** The arguments are wrong, the site cannot be reached, or it has no log for the campaign. */
export class CannotCheck extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "CannotCheck";
  }
}
