/** Grouping by key, as Map.groupBy does from Node 21 on. Pure. */

/**
 * The items by key: each group in the items' order, the groups in the order their keys first appear. An item whose key
 * is undefined is in no group.
 */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K | undefined): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
