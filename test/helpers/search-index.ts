/**
 * Queries a built site's search indexes through Pagefind's own search API (pagefind.js), run in Node over HTTP, the
 * way the search page does: every year's index merged into the runtime's instance, tagged with a synthetic filter, and
 * a date order made year by year (Pagefind's merged order is by each index's own position).
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveFolder } from './static-server.js';

/** A search and its results' paths ("/news/release/x/"), best match first (or in the order `sort` asks for). */
export interface IndexQuery {
  search: (term: string | null, options?: { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> }) => Promise<string[]>;
  /** The year indexes found in pagefind/, newest first. */
  indexes: string[];
  close: () => Promise<void>;
}

interface PagefindResults {
  results: { data: () => Promise<{ url: string }> }[];
  filters: Record<string, Record<string, number>>;
}

interface PagefindModule {
  options: (options: { basePath: string }) => Promise<void>;
  mergeIndex: (path: string, options: object) => Promise<void>;
  search: (term: string | null, options?: object) => Promise<PagefindResults>;
  destroy: () => Promise<void>;
}

const INDEX_FILTER = 'index';

/** Opens the indexes in `publicDir`/pagefind/, served at `basePath` as pagefind.js fetches its files over HTTP. */
export async function openSearchIndex(publicDir: string, basePath = '/'): Promise<IndexQuery> {
  const server = await serveFolder(publicDir, basePath);
  const folder = path.join(publicDir, 'pagefind');
  const indexes = (await readdir(folder, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory() && /^\d+(?:-\d+)?$/.test(entry.name))
    .map((entry) => entry.name)
    .sort()
    .reverse();
  const pagefind = (await import(pathToFileURL(path.join(folder, 'pagefind.js')).href)) as PagefindModule;
  await pagefind.options({ basePath: `${server.url}pagefind/` });
  for (const name of indexes) await pagefind.mergeIndex(`${server.url}pagefind/${name}/`, { mergeFilter: { [INDEX_FILTER]: name } });
  const paths = (found: PagefindResults) => Promise.all(found.results.map(async (result) => new URL((await result.data()).url).pathname));
  return {
    indexes,
    search: async (term, options = {}) => {
      const filters = { ...options.filters, [INDEX_FILTER]: { any: indexes } };
      const found = await pagefind.search(term, { filters });
      const direction = options.sort && Object.values(options.sort)[0];
      if (!direction) return paths(found);
      const counts = found.filters[INDEX_FILTER] ?? {};
      const years = (direction === 'asc' ? [...indexes].reverse() : indexes).filter((name) => (counts[name] ?? 0) > 0);
      const sorted: string[] = [];
      for (const name of years) sorted.push(...(await paths(await pagefind.search(term, { ...options, filters: { ...options.filters, [INDEX_FILTER]: name } }))));
      return sorted;
    },
    close: async () => {
      await pagefind.destroy();
      await server.close();
    },
  };
}
