/** The render cache's keys: a release's outcome is reused only when everything it was made from is the same. */
import { createHash } from 'node:crypto';
import type { ReleaseSource, Settings } from '../types.js';
import type { ReleaseOutcome } from './render-releases.js';

/** Bump when the shape or meaning of a cached outcome changes, so older caches stop matching. */
export const RENDER_CACHE_FORMAT = 4;

/** Outcomes of earlier builds by key, with the salt they were keyed with. */
export interface RenderCache {
  /** The versions of everything the per-file step runs (Pressroom, remark and its plugins, yaml), as one string. */
  salt: string;
  /** Key → outcome. */
  entries: ReadonlyMap<string, ReleaseOutcome>;
}

// Settings only the templates read; any other setting, including one added later, changes every key.
const TEMPLATE_ONLY_SETTINGS = new Set(['title', 'baseUrl', 'language', 'pageSize']);

// A build asks for each file's key twice (to look it up, then to save its outcome), and hashing them all takes about
// 60 ms at 10,000 releases: the last key is kept with the source and what it was made from. The digest is compared
// too: a file that changed after it was looked at takes its new digest when it is read for rendering (sourceOnDemand).
// The settings are compared by identity, as a build never changes them once validateSettings has made them.
const lastKeys = new WeakMap<ReleaseSource, { path: string; digest: string; settings: Settings; salt: string; key: string }>();

/** A hash of the file's path and content digest, the settings the per-file step may read, and the pipeline's versions. */
export function renderCacheKey(source: ReleaseSource, settings: Settings, salt: string): string {
  const last = lastKeys.get(source);
  if (last && last.path === source.path && last.digest === source.digest && last.settings === settings && last.salt === salt) return last.key;
  const key = hashKey(source, settings, salt);
  lastKeys.set(source, { path: source.path, digest: source.digest, settings, salt, key });
  return key;
}

function hashKey(source: ReleaseSource, settings: Settings, salt: string): string {
  const relevant = Object.entries(settings).filter(([name]) => !TEMPLATE_ONLY_SETTINGS.has(name));
  return createHash('sha256')
    .update(`${RENDER_CACHE_FORMAT}\0${salt}\0${JSON.stringify(relevant)}\0${source.path}\0${source.digest}`)
    .digest('hex');
}
