/**
 * Dev mode's search index: rebuilt in the background after the pages are written, so a save shows up first and
 * search catches up. Only the newest run's index is written; an older run that finishes late is dropped.
 */

/**
 * How long the saves must pause before the index is rebuilt. Indexing sends every searchable page to Pagefind, which
 * at 10,000 releases keeps the main thread busy for longer than a rebuild: started on every save it would slow the
 * next save's pages, so it waits until the author stops saving for a moment.
 */
export const SEARCH_QUIET_MS = 500;
import { selectSearchPages, indexSearch, SEARCH_INDEX_PATH } from '../render/index-search.js';
import type { OutputFile, PagePlan, Problem, Settings } from '../types.js';
import { writeChanges } from '../write/write-changes.js';

const CONTENT_NAMED = /_[0-9a-f]{6,}\.pf_(?:fragment|index|meta)$/;

/** What one background indexing run did. */
export interface SearchIndexReport {
  /** Index files written and stale ones deleted. */
  written: number;
  deleted: number;
  /** Why the index could not be built (a warning, or an error when search is required). */
  problems: Problem[];
  ms: number;
}

/** Keeps the searchable pages' HTML between rebuilds and re-indexes when any of them changed. */
export interface SearchIndexUpdater {
  /**
   * Takes a rebuild's plans and the pages it rendered. `everything` says the output folder was replaced whole, so the
   * index must be written again even if no searchable page changed. Returns at once; see `idle`.
   */
  update(plans: readonly PagePlan[], rendered: readonly OutputFile[], settings: Settings, everything: boolean): void;
  /** Resolves when the newest run has finished (for tests and a clean stop). */
  idle(): Promise<void>;
  /** A rebuild is under way: a waiting run waits for it too, however long it takes, until `resume`. */
  hold(): void;
  /** The rebuild is over, good or bad: a waiting run starts after the quiet period from now. */
  resume(): void;
}

/** One updater per dev session; `onIndexed` hears about each run that was written. */
export function createSearchIndexUpdater(outDir: string, onIndexed: (report: SearchIndexReport) => void, quietMs = SEARCH_QUIET_MS): SearchIndexUpdater {
  const html = new Map<string, string>();
  let written = new Set<string>();
  let generation = 0;
  let running: Promise<void> = Promise.resolve();
  /** The run waiting for the quiet period, if any, and whether a run it replaced had to write everything. */
  let waiting: { timer: NodeJS.Timeout; start: () => void } | undefined;
  let writeAll = false;
  let lastPlans: readonly PagePlan[] = [];
  let searchable = new Set<string>();

  return {
    update(plans, rendered, settings, everything) {
      let changed = everything;
      // Pages only leave the index when a plan's path or searchability changed: otherwise skip the walk over them all.
      if (!sameSearchable(lastPlans, plans)) {
        searchable = new Set(plans.filter((plan) => plan.searchable).map((plan) => plan.path));
        for (const path of [...html.keys()]) {
          if (!searchable.has(path)) {
            html.delete(path);
            changed = true;
          }
        }
      }
      lastPlans = plans;
      for (const file of rendered) {
        if (searchable.has(file.path) && typeof file.content === 'string' && html.get(file.path) !== file.content) {
          html.set(file.path, file.content);
          changed = true;
        }
      }
      if (!changed) return;
      const current = ++generation;
      writeAll ||= everything;
      if (waiting) clearTimeout(waiting.timer);
      waiting = undefined;
      const start = () => {
        waiting = undefined;
        run(current, plans, settings);
      };
      waiting = { timer: setTimeout(start, quietMs), start };
    },
    hold: () => {
      if (waiting) clearTimeout(waiting.timer);
    },
    resume: () => {
      if (!waiting) return;
      clearTimeout(waiting.timer);
      waiting.timer = setTimeout(waiting.start, quietMs);
    },
    // A caller waiting for the index (a test, a clean stop) need not wait out the quiet period.
    idle: () => {
      if (waiting) {
        clearTimeout(waiting.timer);
        waiting.start();
      }
      return running;
    },
  };

  function run(current: number, plans: readonly PagePlan[], settings: Settings): void {
    // The HTML as of the newest rebuild: an older run is never started once a newer one is waiting.
    const input = selectSearchPages(plans, [...html].map(([path, content]) => ({ path, content })), settings);
    const started = performance.now();
    running = running.then(async () => {
      // A newer run replaces this one, and takes over writing everything if this one was to.
      if (current !== generation) return;
      const everything = writeAll;
      writeAll = false;
      const index = await indexSearch(input);
      if (current !== generation) {
        writeAll ||= everything;
        return;
      }
      const paths = new Set(index.files.map((file) => file.path));
      const stale = [...written].filter((path) => !paths.has(path) && path.startsWith(SEARCH_INDEX_PATH));
      // Pagefind names its fragments and index chunks by content, so one written before has these very bytes.
      const fresh = everything ? index.files : index.files.filter((file) => !(written.has(file.path) && CONTENT_NAMED.test(file.path)));
      await writeChanges(outDir, fresh, everything ? [] : stale);
      written = paths;
      onIndexed({ written: fresh.length, deleted: stale.length, problems: index.problems, ms: performance.now() - started });
    });
  }
}

/** True when both lists name the same pages, in order, as searchable or not: plans kept from last time are skipped. */
function sameSearchable(a: readonly PagePlan[], b: readonly PagePlan[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i]!, b[i]!];
    if (x !== y && (x.path !== y.path || Boolean(x.searchable) !== Boolean(y.searchable))) return false;
  }
  return true;
}
