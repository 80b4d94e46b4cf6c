/**
 * Which search index each page goes into, where each index lives in the output, and what each is made from. Pure:
 * index-search.ts runs Pagefind over the pages this selects.
 */
import { createHash, type Hash } from 'node:crypto';
import type { OutputFile, PagePlan, ProducedSearchPage, SearchInput, SearchPage, Settings } from '../types.js';

/**
 * Where the search goes in the output: pagefind/ holds Pagefind's script and the runtime, pagefind/<year>/ each year's
 * index, or pagefind/<year>-<month>/ each part's of a year split (see searchIndexing).
 */
export const SEARCH_INDEX_PATH = 'pagefind/';

/**
 * The name of the runtime among the indexes: Pagefind's script, worker and WebAssembly, with an index of one stand-in
 * page, so the search page has a main instance to merge every year into. It depends only on Pagefind and the language.
 */
export const SEARCH_RUNTIME = 'runtime';

/** The output folder of an index ("pagefind/2024/"; the runtime's is "pagefind/"). */
export function searchIndexFolder(name: string): string {
  return name === SEARCH_RUNTIME ? SEARCH_INDEX_PATH : `${SEARCH_INDEX_PATH}${name}/`;
}

/** Which index an output file belongs to, or undefined when it is no search file: index folders are named by digits. */
export function searchIndexOfPath(file: string): string | undefined {
  if (!file.startsWith(SEARCH_INDEX_PATH)) return undefined;
  return /^(\d+(?:-\d+)?)\//.exec(file.slice(SEARCH_INDEX_PATH.length))?.[1] ?? SEARCH_RUNTIME;
}

/** The runtime's one stand-in page, in the site's language so that the WebAssembly shipped is the one its pages need. */
export function runtimePage(language: string): SearchPage {
  const lang = language.replace(/[^A-Za-z0-9-]/g, '');
  return { path: '', url: '/', html: `<!doctype html><html lang="${lang}"><body><main data-pagefind-body><p>search</p></main></body></html>`, index: SEARCH_RUNTIME };
}

/**
 * The searchable pages of a plan, taken from the rendered files: the plan decides what is indexed, not the HTML.
 * Links are kept relative to the site root: pagefind.js prefixes the folder it was loaded from, so the base path.
 */
export function selectSearchPages(plans: readonly PagePlan[], files: readonly OutputFile[], settings: Settings): SearchInput {
  return { pages: searchablePages(plans, files).filter(isRendered), mode: settings.search };
}

/** Whether a produced searchable page comes with its HTML, as Pagefind needs it. */
export function isRendered(page: ProducedSearchPage): page is SearchPage {
  return page.html !== undefined;
}

/** The searchable pages of a batch in plan order: with their HTML when rendered, without it when the output kept them. */
export function searchablePages(plans: readonly PagePlan[], files: readonly OutputFile[], kept: ReadonlySet<string> = new Set()): ProducedSearchPage[] {
  const html = new Map(files.map((file) => [file.path, file.content]));
  const pages: ProducedSearchPage[] = [];
  for (const plan of plans) {
    if (plan.searchIndex === undefined) continue;
    const content = html.get(plan.path);
    const page = { path: plan.path, url: `/${plan.path.replace(/index\.html$/, '')}`, index: plan.searchIndex };
    if (typeof content === 'string') pages.push({ ...page, html: content });
    else if (kept.has(plan.path)) pages.push(page);
  }
  return pages;
}

/** What one search index is made from: a digest of its pages' inputs, and how many pages it holds. */
export interface SearchIndexInput {
  digest: string;
  pages: number;
}

/**
 * Per search index, a digest of what its pages are made from: their source digests (see pageSources), which cover
 * the templates, the settings, the asset paths and each page's data. Rendering is deterministic, so equal digests mean
 * equal pages, known before any page is rendered: a build can then keep that year's last index, or index it from the
 * first batch on. Without sources (no cache to compare with) only the page counts are given. In plan order.
 */
export function searchIndexInputs(plans: readonly PagePlan[], sources?: readonly string[]): Map<string, SearchIndexInput> {
  const hashes = new Map<string, { hash: Hash; pages: number }>();
  plans.forEach((plan, at) => {
    if (plan.searchIndex === undefined) return;
    let index = hashes.get(plan.searchIndex);
    if (!index) hashes.set(plan.searchIndex, (index = { hash: createHash('sha256'), pages: 0 }));
    if (sources) index.hash.update(`${plan.path}\0${sources[at]}\n`);
    index.pages++;
  });
  return new Map([...hashes].map(([name, index]) => [name, { digest: sources ? index.hash.digest('hex') : '', pages: index.pages }]));
}
