/**
 * The build's search indexes, one per year (or part of a large year) plus the runtime. Before any page is rendered,
 * the digest of what each index's pages are made from tells whether the index the last build left in the output still
 * fits; the indexes that do keep their files where they are, and Pagefind makes only the others, each batch while the
 * next is rendered and written, in its own process.
 */
import type { BuildCache } from './load/read-build-cache.js';
import { mapInParallel } from './in-parallel.js';
import { startSearchIndexes, type SearchIndexer } from './render/index-search.js';
import { isRendered, runtimePage, SEARCH_RUNTIME, type SearchIndexInput } from './render/search-pages.js';
import type { Problem, ProducedSearchPage, SearchMode, SearchPage } from './types.js';
import { savedSearchIndexKeys, searchIndexKey, searchIndexPaths } from './write/search-index-cache.js';
import type { Staging } from './write/write-site.js';

/** The indexes as the build ends up with them, and the keys to record when they were made or kept without problems. */
export interface BuildSearchIndex {
  /** Index files made afresh, all written to the output by now. */
  files: string[];
  /** Index files of the last build, kept in the output as they are. */
  kept: string[];
  problems: Problem[];
  /** Each index's key, when the build has a cache; none after a problem. */
  keys: Map<string, string>;
  /** The indexes made afresh by this build, and those kept, sorted by name. */
  indexed: string[];
  keptIndexes: string[];
}

/** What the build's indexes are made from: known once the pages are planned, before any is rendered. */
export interface SearchIndexPlan {
  mode: SearchMode;
  /** The site's language: the runtime ships Pagefind's WebAssembly for it. */
  language: string;
  /** Each year's index, in plan order; `digest` says whether the digests are needed (with a cache) or may be left empty. */
  indexes: (digest: boolean) => Map<string, SearchIndexInput>;
}

export interface BuildSearch {
  /** Called once, before the first page. */
  start(plan: SearchIndexPlan): Promise<void>;
  /**
   * The searchable pages of a batch that was just staged. A page the output kept comes without its HTML, which is read
   * back from the output only when its index is made afresh.
   */
  add(pages: readonly ProducedSearchPage[]): Promise<void>;
  finish(): Promise<BuildSearchIndex>;
  cancel(): Promise<void>;
}

/**
 * How the output keeps the last build's files: `keep` says whether every one is still intact; `read` gives a kept
 * page's text.
 */
export interface KeepFiles {
  keep(files: readonly string[]): Promise<boolean>;
  read(file: string): Promise<string>;
}

/**
 * The search indexes for a build, written to `output` index by index. With the cache, `keeping` may keep each index's
 * files of the last build; without it, every index is made afresh and no key is kept.
 */
export function startBuildSearch(root: string, cache: BuildCache | undefined, output: Pick<Staging, 'write' | 'forget'>, keeping?: KeepFiles): BuildSearch {
  let mode: SearchMode = 'optional';
  const keys = new Map<string, string>();
  const keptIndexes = new Set<string>();
  const kept: string[] = [];
  let indexed: string[] = [];
  let indexer: SearchIndexer | undefined;
  return {
    async start(plan) {
      mode = plan.mode;
      const wanted = new Map([[SEARCH_RUNTIME, { digest: plan.language, pages: 1 }], ...plan.indexes(cache !== undefined)]);
      if (cache) {
        const saved = keeping && cache.manifest ? await savedSearchIndexKeys(root, cache.manifest) : new Map<string, string>();
        const paths = cache.manifest ? searchIndexPaths(cache.manifest) : new Map<string, string[]>();
        for (const [name, input] of wanted) {
          const key = await searchIndexKey(input.digest, mode);
          keys.set(name, key);
          const files = paths.get(name) ?? [];
          if (saved.get(name) === key && files.length > 0 && (await keeping?.keep(files))) {
            keptIndexes.add(name);
            kept.push(...files);
          }
        }
      }
      const expected = new Map([...wanted].filter(([name]) => !keptIndexes.has(name)).map(([name, input]) => [name, input.pages]));
      indexed = [...expected.keys()].sort();
      if (expected.size === 0) return;
      indexer = startSearchIndexes(expected, (files) => output.write(files));
      if (expected.has(SEARCH_RUNTIME)) await indexer.add([runtimePage(plan.language)]);
    },
    async add(pages) {
      if (!indexer) return;
      const wanted = keptIndexes.size === 0 ? pages : pages.filter((page) => !keptIndexes.has(page.index));
      await indexer.add(await mapInParallel(wanted, (page) => withHtml(page, keeping)));
    },
    async finish() {
      const made = indexer ? await indexer.finish(mode) : { files: [], problems: [] };
      if (made.problems.length === 0) return { ...made, kept, keys, indexed, keptIndexes: [...keptIndexes].sort() };
      // No index at all rather than some years: the search page then says search is unavailable, as it does when
      // Pagefind cannot run.
      output.forget([...kept, ...made.files]);
      return { files: [], kept: [], problems: made.problems, keys: new Map(), indexed: [], keptIndexes: [] };
    },
    cancel: async () => indexer?.cancel(),
  };
}

/** A page with its HTML: as rendered, or read back from the output that kept it. */
async function withHtml(page: ProducedSearchPage, output: KeepFiles | undefined): Promise<SearchPage> {
  if (isRendered(page)) return page;
  if (!output) throw new Error(`${page.path} was kept without an output to read it from`);
  return { ...page, html: await output.read(page.path) };
}
