/** The median time of `tries` runs of `run`, in milliseconds. */
export async function medianMs(run: () => Promise<unknown>, tries: number): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < tries; i++) {
    const started = performance.now();
    await run();
    ms.push(performance.now() - started);
  }
  return ms.sort((a, b) => a - b)[Math.floor(tries / 2)]!;
}
