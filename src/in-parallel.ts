/**
 * File work a few dozen at a time. All at once runs out of file handles on a large archive (EMFILE: 71,000 releases
 * against a limit of 20,000 here, or of 256 on a stock macOS shell), and gains nothing: the disk is the limit.
 */
export const FILES_AT_ONCE = 64;

/**
 * `work` on every item, at most `limit` at a time; the results in the items' order. On a failure no new item starts,
 * and it throws the first failure once all that started have stopped, so a caller's clean-up never races them.
 */
export async function mapInParallel<T, R>(items: readonly T[], work: (item: T) => Promise<R>, limit = FILES_AT_ONCE): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failure: { cause: unknown } | undefined;
  const worker = async () => {
    for (let index = next++; index < items.length && !failure; index = next++) {
      try {
        results[index] = await work(items[index]!);
      } catch (cause) {
        failure ??= { cause };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.cause;
  return results;
}
