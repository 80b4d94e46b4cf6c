/**
 * The build's search index. Before any page is rendered, the digest of what the searchable pages are made from
 * tells whether the index the last build left in the output still fits; if it does, its files are kept where they
 * are, and otherwise Pagefind indexes each batch of pages while the next is rendered and written, in its own process.
 */
import type { BuildCache } from './load/read-build-cache.js';
import { startSearchIndex, type SearchIndexer } from './render/index-search.js';
import type { OutputFile, Problem, SearchMode, SearchPage } from './types.js';
import { savedSearchIndexKey, searchIndexKey, searchIndexPaths } from './write/search-index-cache.js';

/** The index as the build ends up with it, and the key to record when it was made or kept without problems. */
export interface BuildSearchIndex {
  /** Index files to write. */
  files: OutputFile[];
  /** Index files of the last build, kept in the output as they are. */
  kept: string[];
  problems: Problem[];
  key?: string;
}

export interface BuildSearch {
  /** Called once, before the first page, with the searchable pages' input digest (searchInputDigest) and the mode. */
  start(inputDigest: () => string, mode: SearchMode): Promise<void>;
  /** The searchable pages of a batch that was just staged. */
  add(pages: readonly SearchPage[]): Promise<void>;
  /** Whether this build indexes its pages, rather than keeping the last index: only then does `add` need them. */
  indexing(): boolean;
  finish(): Promise<BuildSearchIndex>;
  cancel(): Promise<void>;
}

/**
 * The search index for a build. With the cache, `keep` may keep the last build's index files in the output (it says
 * whether every one is still intact); without it, the index is always made afresh and no key is kept.
 */
export function startBuildSearch(root: string, cache: BuildCache | undefined, keep?: (files: readonly string[]) => Promise<boolean>): BuildSearch {
  let mode: SearchMode = 'optional';
  let key: string | undefined;
  let kept: string[] = [];
  let indexer: SearchIndexer | undefined;
  return {
    async start(inputDigest, searchMode) {
      mode = searchMode;
      if (cache) {
        key = await searchIndexKey(inputDigest(), mode);
        const saved = keep && cache.manifest ? await savedSearchIndexKey(root, cache.manifest) : undefined;
        const files = saved === key && cache.manifest ? searchIndexPaths(cache.manifest) : [];
        if (files.length > 0 && (await keep?.(files))) kept = files;
      }
      if (kept.length === 0) indexer = startSearchIndex();
    },
    async add(pages) {
      await indexer?.add(pages);
    },
    indexing: () => indexer !== undefined,
    async finish() {
      const index = indexer ? { ...(await indexer.finish(mode)), kept } : { files: [], kept, problems: [] };
      return key === undefined ? index : { ...index, key };
    },
    cancel: async () => indexer?.cancel(),
  };
}
