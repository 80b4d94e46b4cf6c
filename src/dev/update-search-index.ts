/**
 * Dev mode's search indexes: rebuilt in the background after the pages are written, so a save shows up first and
 * search catches up. Only the years whose pages changed are indexed again, and only the newest run's indexes are
 * written; an older run that finishes late is dropped.
 */

/**
 * How long the saves must pause before the index is rebuilt. Indexing sends every searchable page to Pagefind, which
 * at 10,000 releases keeps the main thread busy for longer than a rebuild: started on every save it would slow the
 * next save's pages, so it waits until the author stops saving for a moment.
 */
export const SEARCH_QUIET_MS = 500;
import { groupBy } from '../group-by.js';
import { indexSearch } from '../render/index-search.js';
import { runtimePage, SEARCH_RUNTIME, searchIndexOfPath, selectSearchPages } from '../render/search-pages.js';
import type { OutputFile, PagePlan, Problem, Settings } from '../types.js';
import { writeChanges } from '../write/write-changes.js';

const CONTENT_NAMED = /_[0-9a-f]{6,}\.pf_(?:fragment|index|meta|filter)$/;

/** What one background indexing run did. */
export interface SearchIndexReport {
  /** Index files written and stale ones deleted. */
  written: number;
  deleted: number;
  /** The indexes made again (years, and "runtime" for Pagefind's script), sorted. */
  indexes: string[];
  /** Why the index could not be built (a warning, or an error when search is required). */
  problems: Problem[];
  ms: number;
}

/** Keeps the searchable pages' HTML between rebuilds and re-indexes the years whose pages changed. */
export interface SearchIndexUpdater {
  /**
   * Takes a rebuild's plans and the pages it rendered. `everything` says the output folder was replaced whole, so every
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
  /** The index files written, by index: the ones a run over that index does not write again are stale. */
  const written = new Map<string, Set<string>>();
  let generation = 0;
  let running: Promise<void> = Promise.resolve();
  /** The run waiting for the quiet period, if any. */
  let waiting: { timer: NodeJS.Timeout; start: () => void } | undefined;
  /** What the next run owes: the indexes whose pages changed, and whether everything must be written again. */
  let stale = new Set<string>();
  let writeAll = false;
  let lastPlans: readonly PagePlan[] = [];
  /** The searchable pages' indexes, by path. */
  let searchable = new Map<string, string>();

  return {
    update(plans, rendered, settings, everything) {
      // Pages only leave an index when a plan's path or index changed: otherwise skip the walk over them all.
      if (!sameSearchable(lastPlans, plans)) {
        const before = searchable;
        searchable = new Map(plans.flatMap((plan) => (plan.searchIndex === undefined ? [] : [[plan.path, plan.searchIndex] as const])));
        for (const [path, index] of before) {
          if (searchable.get(path) === index) continue;
          stale.add(index);
          html.delete(path);
        }
      }
      lastPlans = plans;
      for (const file of rendered) {
        const index = searchable.get(file.path);
        if (index !== undefined && typeof file.content === 'string' && html.get(file.path) !== file.content) {
          html.set(file.path, file.content);
          stale.add(index);
        }
      }
      if (stale.size === 0 && !everything) return;
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
    const started = performance.now();
    running = running.then(async () => {
      // A newer run replaces this one, and takes over what this one owed.
      if (current !== generation) return;
      const everything = writeAll;
      const owed = stale;
      writeAll = false;
      stale = new Set();
      const redo = new Set(everything ? [...new Set(searchable.values()), ...written.keys()] : owed);
      if (everything || !written.has(SEARCH_RUNTIME)) redo.add(SEARCH_RUNTIME);
      // The HTML as of the newest rebuild, of the indexes owed alone.
      const pages = [...html].filter(([path]) => redo.has(searchable.get(path) ?? '')).map(([path, content]) => ({ path, content }));
      const input = selectSearchPages(plans, pages, settings);
      if (redo.has(SEARCH_RUNTIME)) input.pages.unshift(runtimePage(settings.language));
      const index = await indexSearch(input);
      if (current !== generation) {
        writeAll ||= everything;
        for (const name of redo) stale.add(name);
        return;
      }
      const made = new Map([...groupBy(index.files, (file) => searchIndexOfPath(file.path))].map(([name, files]) => [name, new Set(files.map((file) => file.path))]));
      // Files of a redone index (or, after a failure, of every index) that this run did not make again.
      const gone = [...written].filter(([name]) => redo.has(name) || index.problems.length > 0).flatMap(([name, files]) => [...files].filter((file) => !made.get(name)?.has(file)));
      // Pagefind names its index files by content, so one written before has these very bytes.
      const fresh = everything ? index.files : index.files.filter((file) => !(written.get(searchIndexOfPath(file.path)!)?.has(file.path) && CONTENT_NAMED.test(file.path)));
      await writeChanges(outDir, fresh, everything ? [] : gone);
      // After a failure no index is left, so the next run makes them all.
      if (index.problems.length > 0) {
        written.clear();
        writeAll = true;
      }
      for (const name of redo) {
        const files = made.get(name);
        if (files) written.set(name, files);
        else written.delete(name);
      }
      onIndexed({ written: fresh.length, deleted: gone.length, indexes: [...redo].sort(), problems: index.problems, ms: performance.now() - started });
    });
  }
}

/** True when both lists name the same pages, in order, in the same indexes: plans kept from last time are skipped. */
function sameSearchable(a: readonly PagePlan[], b: readonly PagePlan[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i]!, b[i]!];
    if (x !== y && (x.path !== y.path || x.searchIndex !== y.searchIndex)) return false;
  }
  return true;
}
