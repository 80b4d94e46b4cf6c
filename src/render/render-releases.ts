/** Release files → validated releases with their bodies rendered: the per-file, cacheable, parallel part of the build. */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Problem, ReleaseSource, RenderedRelease, Settings } from '../types.js';
import type { BodySpill } from '../write/body-spill.js';
import { recordRenderKey } from './body-bytes.js';
import { renderCacheKey, type RenderCache } from './render-cache.js';

/** One file's outcome: its rendered release when it has no error, and every problem found in it. */
export interface ReleaseOutcome {
  release?: RenderedRelease;
  problems: Problem[];
}

/** How the per-file step runs; both are optional and neither changes the outcomes. */
export interface RenderOptions {
  /** Outcomes of earlier builds by key (see renderCacheKey); files whose key is here are not rendered again. */
  cache?: RenderCache;
  /** Worker threads to render on; default: one per core once there are at least PARALLEL_THRESHOLD files to render. */
  threads?: number;
  /** Told how many files are done, out of how many, as rendering goes on. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Where bodies rendered on worker threads are kept as each batch comes back, rather than held, under their keys in
   * `cache` (without which it is not used).
   */
  spill?: BodySpill;
}

/**
 * Below this many files to render the main thread is faster. Measured in CPU time (robust on a loaded machine): a
 * worker costs about 0.8 s to load remark and warm up, then a body takes about 6 ms, so two workers only win past
 * roughly 150 files; 200 leaves a margin.
 */
export const PARALLEL_THRESHOLD = 200;

/** Every file's outcome, in the order given: from the cache where the key matches, else rendered, in parallel if many. */
export async function renderReleases(sources: readonly ReleaseSource[], settings: Settings, options: RenderOptions = {}): Promise<ReleaseOutcome[]> {
  const outcomes: (ReleaseOutcome | undefined)[] = new Array(sources.length);
  const missing: number[] = [];
  const keys = options.cache ? sources.map((source) => renderCacheKey(source, settings, options.cache!.salt)) : [];
  sources.forEach((_source, index) => {
    const cached = options.cache?.entries.get(keys[index]!);
    if (cached) outcomes[index] = cached;
    else missing.push(index);
  });
  // Each body is recorded with its key, which page digests take for its bytes. The key is asked for again, not taken
  // from `keys`: a file that changed after it was looked at took a new digest when it was read for rendering.
  const withKeysRecorded = () => {
    const cache = options.cache;
    sources.forEach((source, index) => {
      const body = outcomes[index]?.release?.html;
      // A stored body carries its key already.
      if (cache && body instanceof Uint8Array) recordRenderKey(body, renderCacheKey(source, settings, cache.salt));
    });
    return outcomes as ReleaseOutcome[];
  };
  const threads = options.threads ?? (missing.length >= PARALLEL_THRESHOLD ? availableParallelism() : 0);
  const cached = sources.length - missing.length;
  const progress = (done: number) => options.onProgress?.(cached + done, sources.length);
  progress(0);
  if (missing.length === 0) return withKeysRecorded();
  if (threads < 1) {
    const { renderRelease } = await import('./render-release.js');
    missing.forEach((index, done) => {
      outcomes[index] = renderRelease(sources[index]!, settings);
      if (done % 50 === 49) progress(done + 1);
    });
  } else {
    const cache = options.cache;
    const spill = options.spill;
    const keep = cache && spill ? (batch: ReleaseOutcome[], from: readonly ReleaseSource[]) => spillBodies(batch, from, spill, (source) => renderCacheKey(source, settings, cache.salt)) : undefined;
    const rendered = await renderOnWorkers(missing.map((index) => sources[index]!), settings, threads, progress, keep);
    missing.forEach((index, position) => (outcomes[index] = rendered[position]));
  }
  return withKeysRecorded();
}

/**
 * Renders on a short-lived pool of worker threads. Files go out in batches handed to whichever worker is free, so
 * message passing stays a small share of the work and a slow batch does not hold the others up.
 */
async function renderOnWorkers(
  sources: readonly ReleaseSource[],
  settings: Settings,
  threads: number,
  progress: (done: number) => void,
  keep: (batch: ReleaseOutcome[], from: readonly ReleaseSource[]) => ReleaseOutcome[] = (batch) => batch,
): Promise<ReleaseOutcome[]> {
  const count = Math.max(1, Math.min(threads, Math.ceil(sources.length / 8)));
  const batchSize = Math.max(8, Math.min(200, Math.ceil(sources.length / (count * 8))));
  const outcomes: ReleaseOutcome[] = new Array(sources.length);
  let next = 0;
  let done = 0;
  const run = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      let start = 0;
      const send = () => {
        if (next >= sources.length) return resolve();
        start = next;
        next = Math.min(sources.length, next + batchSize);
        worker.postMessage(sources.slice(start, next));
      };
      // Sending reads the next batch's files (see sourceOnDemand): one deleted meanwhile fails the build, not the process.
      worker.on('message', (batch: ReleaseOutcome[]) => {
        try {
          keep(batch, sources.slice(start, start + batch.length)).forEach((outcome, offset) => (outcomes[start + offset] = outcome));
          progress((done += batch.length));
          send();
        } catch (cause) {
          reject(cause);
        }
      });
      worker.on('error', reject);
      worker.on('exit', (code) => (next < sources.length || code !== 0 ? reject(new Error(`a render worker stopped with exit code ${code}`)) : undefined));
      send();
    });
  const workers = Array.from({ length: count }, () => new Worker(new URL('./render-worker.js', import.meta.url), { workerData: settings }));
  try {
    await Promise.all(workers.map(run));
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return outcomes;
}

/**
 * The batch with its bodies kept in the spill. A body's key is asked for only now, as in renderReleases: a file read
 * for rendering may have taken a new digest. When the spill cannot take them, the bodies are held.
 */
function spillBodies(batch: ReleaseOutcome[], from: readonly ReleaseSource[], spill: BodySpill, keyOf: (source: ReleaseSource) => string): ReleaseOutcome[] {
  const held = batch.flatMap((outcome, index) => (outcome.release?.html instanceof Uint8Array ? [{ index, bytes: outcome.release.html }] : []));
  const stored = spill.keep(held.map(({ index, bytes }) => ({ bytes, renderKey: keyOf(from[index]!) })));
  if (!stored) return batch;
  const kept = [...batch];
  held.forEach(({ index }, n) => (kept[index] = { ...batch[index]!, release: { ...batch[index]!.release!, html: stored[n]! } }));
  return kept;
}
