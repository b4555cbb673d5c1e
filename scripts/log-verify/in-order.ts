// Loading many files a few ahead while handing them over in order, so entries replay in order and
// only a window of bundles is held at once.

/** Yields load(0), load(1), … load(count − 1) in order, with up to `ahead` of them loading at once. */
export async function* loadInOrder<T>(count: number, load: (i: number) => Promise<T>, ahead: number): AsyncGenerator<T> {
  const pending: Promise<T>[] = [];
  let next = 0;
  const topUp = () => {
    while (next < count && pending.length < ahead) {
      const loading = load(next++);
      // Awaited in turn below; until then a failure must not count as unhandled.
      loading.catch(() => undefined);
      pending.push(loading);
    }
  };
  topUp();
  while (pending.length > 0) {
    const loading = pending.shift() as Promise<T>;
    topUp();
    yield await loading;
  }
}
