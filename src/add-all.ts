/** Appending a whole array, safe at any length. Pure but for the array it appends to. */

/**
 * Adds the items one by one. Spread into push, an argument each, they can overflow the stack: the pipeline's problems
 * did from about 120,000 (whether a spread overflows depends on how V8 compiled the caller, so a loop it is).
 */
export function addAll<T>(into: T[], items: readonly T[]): void {
  for (const item of items) into.push(item);
}
