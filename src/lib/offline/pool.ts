// Runs in the service worker and in unit tests: bounded parallelism for many small downloads.

/**
 * Runs `task` over `items` with at most `limit` tasks in flight; rejects with the first failure
 * (tasks already started finish, no new ones start).
 * @throws RangeError when limit is not a positive integer.
 * @example await runPool([1, 2, 3], 2, async (n) => { sum += n; }) // sum === 6
 */
export async function runPool<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const item = items[next] as T;
      next += 1;
      try {
        await task(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
