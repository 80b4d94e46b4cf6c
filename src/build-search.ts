/**
 * The build's search index. Pagefind is the slowest step of a cold build, so it indexes each batch of pages while the
 * next is rendered and written, in its own process. When the last build recorded an index that may still fit, the
 * pages are only digested; if the digest matches, the index is taken from the output, and otherwise the pages are
 * read back from the staging folder and indexed then.
 */
import { readFile } from 'node:fs/promises';
import type { BuildCache } from './load/read-build-cache.js';
import { startSearchIndex, type SearchIndexer } from './render/index-search.js';
import type { OutputFile, Problem, SearchMode, SearchPage } from './types.js';
import { reuseSearchIndex, savedSearchIndexKey, searchKeyHasher, type SearchKeyHasher } from './write/search-index-cache.js';
import type { Staging } from './write/write-site.js';

const PAGES_READ_BACK = 200;

/** The index as the build ends up with it, and the key to record when it was made or reused without problems. */
export interface BuildSearchIndex {
  files: OutputFile[];
  problems: Problem[];
  key?: string;
}

export interface BuildSearch {
  /** The searchable pages of a batch that was just staged. */
  add(pages: readonly SearchPage[]): Promise<void>;
  finish(mode: SearchMode, staging: Staging): Promise<BuildSearchIndex>;
  cancel(): Promise<void>;
}

/** Starts the search index for a build; with no cache, it is always made afresh and no key is kept. */
export async function startBuildSearch(root: string, cache: BuildCache | undefined): Promise<BuildSearch> {
  const hasher: SearchKeyHasher | undefined = cache ? await searchKeyHasher() : undefined;
  const savedKey = cache ? await savedSearchIndexKey(root, cache.manifest) : undefined;
  // Indexing as pages arrive is wasted when the saved index turns out to fit, so it waits when one might.
  let indexer: SearchIndexer | undefined = savedKey === undefined ? startSearchIndex() : undefined;
  const waiting: { path: string; url: string }[] = [];
  return {
    async add(pages) {
      hasher?.add(pages);
      if (indexer) await indexer.add(pages);
      else waiting.push(...pages.map(({ path, url }) => ({ path, url })));
    },
    async finish(mode, staging) {
      const key = hasher?.digest(mode);
      if (!indexer) {
        const reused = key === savedKey && cache?.manifest ? await reuseSearchIndex(cache.manifest) : undefined;
        if (reused) return { files: reused, problems: [], key };
        indexer = startSearchIndex();
        for (let start = 0; start < waiting.length; start += PAGES_READ_BACK) {
          const batch = waiting.slice(start, start + PAGES_READ_BACK);
          await indexer.add(await Promise.all(batch.map(async (page) => ({ ...page, html: await readFile(staging.pathOf(page.path), 'utf8') }))));
        }
      }
      const index = await indexer.finish(mode);
      return key === undefined ? index : { ...index, key };
    },
    cancel: async () => indexer?.cancel(),
  };
}
