/** Structural equality for page data, fast where it matters: shared objects and strings compare by identity first. */

/**
 * True when two template data values are equal as plain data (objects, arrays, strings, numbers, booleans, null,
 * undefined) and release bodies' bytes. A release kept by the memory hands the same `html` bytes and objects to the
 * next plan, so an unchanged page costs a walk over its fields, never a comparison of its text. One `known` map for
 * every call of a rebuild lets objects shared between pages be compared once.
 */
export function sameData(a: unknown, b: unknown, known: WeakMap<object, object> = new WeakMap()): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  // Pages of one listing share objects (the list of every page's link): compare each pair once, not once per page.
  if (known.get(a) === b) return true;
  if (!compareObjects(a, b, known)) return false;
  known.set(a, b);
  return true;
}

function compareObjects(a: object, b: object, known: WeakMap<object, object>): boolean {
  // A release body: its bytes, not an index-by-index walk of them.
  if (a instanceof Uint8Array || b instanceof Uint8Array) return a instanceof Uint8Array && b instanceof Uint8Array && Buffer.compare(a, b) === 0;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i], known)) return false;
    return true;
  }
  if (Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(b, key) || !sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], known)) return false;
  }
  return true;
}
