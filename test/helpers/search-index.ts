/** Queries a built site's search index through Pagefind's own search API (pagefind.js), run in Node over HTTP. */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveFolder } from './static-server.js';

/** A search and its results' paths ("/news/release/x/"), best match first (or in the order `sort` asks for). */
export interface IndexQuery {
  search: (term: string | null, options?: { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> }) => Promise<string[]>;
  close: () => Promise<void>;
}

interface PagefindModule {
  options: (options: { basePath: string }) => Promise<void>;
  search: (term: string | null, options?: object) => Promise<{ results: { data: () => Promise<{ url: string }> }[] }>;
}

/** Opens the index in `publicDir`/pagefind/, served at `basePath` as pagefind.js fetches its files over HTTP. */
export async function openSearchIndex(publicDir: string, basePath = '/'): Promise<IndexQuery> {
  const server = await serveFolder(publicDir, basePath);
  const pagefind = (await import(pathToFileURL(path.join(publicDir, 'pagefind/pagefind.js')).href)) as PagefindModule;
  await pagefind.options({ basePath: `${server.url}pagefind/` });
  return {
    search: async (term, options = {}) => {
      const found = await pagefind.search(term, options);
      return Promise.all(found.results.map(async (result) => new URL((await result.data()).url).pathname));
    },
    close: server.close,
  };
}
