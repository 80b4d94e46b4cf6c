/**
 * What each page is made from, as one digest per page: the templates, the settings, the asset paths, the code's salt
 * and the page's own plan. Rendering is deterministic, so a page whose digest matches the last build's renders to the
 * same bytes, and a warm build can keep the file instead of rendering, link-checking and hashing it again.
 */
import { createHash } from 'node:crypto';
import { compareText } from '../problems.js';
import { bodyRenderKey, bytesOf, StoredBody } from './body-bytes.js';
import { ReleaseJsonLd } from './json-ld.js';
import type { PagePlan, Settings } from '../types.js';

/** One digest per plan, in the plans' order. `salt` names the code and library versions (see readBuildCache). */
export function pageSources(plans: readonly PagePlan[], templates: ReadonlyMap<string, string>, settings: Settings, assetPaths: ReadonlyMap<string, string>, salt: string): string[] {
  const shared = createHash('sha256')
    .update(JSON.stringify([salt, settings, [...assetPaths].sort(([a], [b]) => compareText(a, b)), [...templates].sort(([a], [b]) => compareText(a, b))]))
    .digest('hex');
  const text = dataText();
  return plans.map((plan) => createHash('sha256').update(`${shared}\n${plan.path}\0${plan.template}\0`).update(text(plan.data)).digest('base64'));
}

/** Strings longer than this (release pages' JSON-LD, mostly) are digested on their own, not escaped into JSON text. */
const LONG_TEXT = 512;
/**
 * Starts a stand-in for a digested value, then "s" for a string, "o" for an object, "b" for a body's bytes, "k" for
 * the render-cache key a body was rendered for or "j" for what a release page's JSON-LD is made from; a real string
 * that starts with it gets it twice, so a stand-in and a string never meet.
 */
const MARK = '\u0000';

/**
 * Plan data as text that differs exactly when the data does: its JSON (plan data is plain JSON but for release bodies,
 * held as bytes or stored in a file, and a release page's JSON-LD; a unit test holds every kind of page to that),
 * except that a body, a long string and a frozen object stand as their digests, and the JSON-LD as what it is made
 * from (see ReleaseJsonLd.digestKey), or else as its text's digest.
 * - Escaping every body into JSON text and hashing it took about a second at 10,000 releases. A body whose render-cache
 *   key is known (every body of a build with the cache, stored or held) stands as that key, which names what it was
 *   rendered from, so it is neither hashed nor read.
 * - A frozen object, such as a release's card, is on many pages (its own, its neighbours', a dozen listings). Frozen
 *   means it and everything in it never change, so its digest is worked out once per build. One inside another frozen
 *   object is part of that one's text instead.
 */
function dataText(): (data: unknown) => string {
  const known = new WeakMap<object, string>();
  // Within a frozen object, frozen objects are written out whole. Here they are a card's own minister and portfolio
  // links, met on no other card: digesting each on its own cost more than the text it saved (about 0.3 s at 10,000).
  let insideFrozen = false;
  const text = (data: unknown): string => JSON.stringify(data, replace) ?? '';
  // The root comes with the key "" (as would a property named "", which is then written out whole: still exact).
  function replace(key: string, value: unknown): unknown {
    if (value instanceof StoredBody || value instanceof Uint8Array) {
      const renderKey = bodyRenderKey(value);
      if (renderKey !== undefined) return `${MARK}k${renderKey}`;
      return digestOnce(value, 'b', () => createHash('sha256').update(bytesOf(value)).digest('base64'));
    }
    if (value instanceof ReleaseJsonLd) {
      const made = value.digestKey();
      return made === undefined ? `${MARK}s${createHash('sha256').update(String(value)).digest('base64')}` : `${MARK}j${made}`;
    }
    if (typeof value === 'string') {
      if (value.length > LONG_TEXT) return `${MARK}s${createHash('sha256').update(value).digest('base64')}`;
      return value.startsWith(MARK) ? MARK + value : value;
    }
    if (key === '' || insideFrozen || typeof value !== 'object' || value === null || !Object.isFrozen(value)) return value;
    return digestOnce(value, 'o', () => {
      insideFrozen = true;
      try {
        return createHash('sha256').update(text(value)).digest('base64');
      } finally {
        insideFrozen = false;
      }
    });
  }
  // A body is on its page and on up to a few feeds; a frozen object on many pages.
  function digestOnce(value: object, kind: string, digest: () => string): string {
    let standIn = known.get(value);
    if (standIn === undefined) {
      standIn = `${MARK}${kind}${digest()}`;
      known.set(value, standIn);
    }
    return standIn;
  }
  return text;
}
