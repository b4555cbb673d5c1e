/** What a parser or check gives back: the value, or why the input was refused. */
export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

export function accept<T>(value: T): Checked<T> {
  return { ok: true, value };
}

export function refuse<T>(error: string): Checked<T> {
  return { ok: false, error };
}
