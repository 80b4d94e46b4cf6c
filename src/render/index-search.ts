/**
 * Rendered pages → the Pagefind search index as more output files. Pure in effect: Pagefind's service reads the
 * HTML from memory and hands the index back in memory, so only write/ writes it.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { PagefindIndex } from 'pagefind';
import { error, warning } from '../problems.js';
import type { OutputFile, PagePlan, Problem, ProducedSearchPage, SearchInput, SearchMode, SearchPage, Settings } from '../types.js';

/** Where the index and Pagefind's own search script go in the output. */
export const SEARCH_INDEX_PATH = 'pagefind/';

const PAGES_IN_FLIGHT = 200;

// Pagefind's ready-made interfaces: the search page uses our own script over pagefind.js instead, so they are not shipped.
const UNUSED_BUNDLE_FILES = /^pagefind-(?:ui|modular-ui|component-ui)\.(?:js|css)$/;

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
    if (!plan.searchable) continue;
    const content = html.get(plan.path);
    const url = `/${plan.path.replace(/index\.html$/, '')}`;
    if (typeof content === 'string') pages.push({ path: plan.path, url, html: content });
    else if (kept.has(plan.path)) pages.push({ path: plan.path, url });
  }
  return pages;
}

/**
 * A digest of everything the searchable pages' HTML is made from: the templates, the settings, the asset paths and
 * each searchable plan's data. Rendering is deterministic, so equal digests mean equal pages, known before any page
 * is rendered: a build can then keep the last index, or start indexing with the first batch.
 */
export function searchInputDigest(plans: readonly PagePlan[], templates: ReadonlyMap<string, string>, settings: Settings, assetPaths: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([settings, [...assetPaths].sort(), [...templates].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]));
  for (const plan of plans) if (plan.searchable) hash.update(`\n${plan.path}\0${plan.template}\0`).update(JSON.stringify(plan.data));
  return hash.digest('hex');
}

/** A search index being built while pages are still being rendered. */
export interface SearchIndexer {
  /** Hands Pagefind more pages. Resolves once the batch before these is indexed, so at most two are ever in flight. */
  add(pages: readonly SearchPage[]): Promise<void>;
  /** The index files, or none and one problem when Pagefind could not run or refused a page; closes the index. */
  finish(mode: SearchMode): Promise<{ files: OutputFile[]; problems: Problem[] }>;
  /** Drops the index unfinished: the build failed. */
  cancel(): Promise<void>;
}

/**
 * Starts a Pagefind index. It never throws: when Pagefind cannot run (no binary for this platform, say) `finish`
 * gives no files and one problem, a warning or, when search is required, an error.
 */
export function startSearchIndex(): SearchIndexer {
  let failure: string | undefined;
  const opened = openIndex().then((result) => {
    if ('reason' in result) failure = result.reason;
    return 'index' in result ? result.index : undefined;
  });
  let inFlight: Promise<void> = Promise.resolve();
  const add = async (pages: readonly SearchPage[]) => {
    const previous = inFlight;
    inFlight = opened.then(async (index) => {
      if (!index || failure) return;
      try {
        const added = await Promise.all(pages.map((page) => index.addHTMLFile({ url: page.url, content: page.html })));
        const refused = added.findIndex((response) => response.errors.length > 0);
        if (refused !== -1) failure ??= `Pagefind could not index ${pages[refused]?.url}: ${added[refused]?.errors.join('; ')}`;
      } catch (cause) {
        failure ??= `Pagefind stopped (${firstLine(cause)})`;
      }
    });
    await previous;
  };
  const close = async () => {
    await inFlight;
    await (await opened)?.deleteIndex().catch(() => undefined);
  };
  const finish = async (mode: SearchMode) => {
    await inFlight;
    const index = await opened;
    const failed = (reason: string) => ({ files: [], problems: [searchProblem(mode, reason)] });
    try {
      if (!index || failure !== undefined) return failed(failure ?? 'Pagefind made no index');
      const built = await index.getFiles();
      if (built.errors.length > 0) return failed(built.errors.join('; '));
      const files = built.files
        .filter((file) => !UNUSED_BUNDLE_FILES.test(file.path))
        .map((file) => ({ path: `${SEARCH_INDEX_PATH}${file.path}`, content: file.content }))
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      return { files, problems: [] };
    } catch (cause) {
      return failed(`Pagefind stopped (${firstLine(cause)})`);
    } finally {
      await close();
    }
  };
  return { add, finish, cancel: close };
}

/** Builds the index of `input.pages` in one go; never throws (see startSearchIndex). */
export async function indexSearch(input: SearchInput): Promise<{ files: OutputFile[]; problems: Problem[] }> {
  const indexer = startSearchIndex();
  for (let start = 0; start < input.pages.length; start += PAGES_IN_FLIGHT) await indexer.add(input.pages.slice(start, start + PAGES_IN_FLIGHT));
  return indexer.finish(input.mode);
}

/** A fresh Pagefind index, or the reason, in words, why there can be none. */
async function openIndex(): Promise<{ index: PagefindIndex } | { reason: string }> {
  const override = missingBinaryOverride();
  if (override) return { reason: override };
  let pagefind: typeof import('pagefind');
  try {
    pagefind = await import('pagefind');
  } catch (cause) {
    return { reason: `the pagefind package cannot be loaded (${firstLine(cause)})` };
  }
  try {
    const created = await pagefind.createIndex({});
    return created.index ? { index: created.index } : { reason: created.errors.join('; ') || 'Pagefind made no index' };
  } catch (cause) {
    return { reason: `Pagefind cannot run on this machine (${firstLine(cause)})` };
  }
}

/** Pagefind runs the binary these variables name without checking it exists, and then only logs a stack trace. */
function missingBinaryOverride(): string | undefined {
  for (const name of ['PAGEFIND_EXTENDED_BINARY_PATH', 'PAGEFIND_BINARY_PATH']) {
    const file = process.env[name];
    if (file) return existsSync(file) ? undefined : `the environment variable ${name} names ${file}, which does not exist`;
  }
  return undefined;
}

function searchProblem(mode: SearchMode, reason: string): Problem {
  const where = { field: 'pressroom.search' };
  if (mode === 'required') {
    return error('package.json', `the search index could not be built: ${reason}; search is "required", so nothing was written. Reinstall with "npm ci" on a platform Pagefind supports, or set "search" to "optional" to build without search`, where);
  }
  return warning('package.json', `the search index could not be built: ${reason}; the rest of the site is built and the search page says search is unavailable. Reinstall with "npm ci" on a platform Pagefind supports, or set "search" to "required" to make this an error`, where);
}

function firstLine(cause: unknown): string {
  return String((cause as Error)?.message ?? cause).split('\n')[0] ?? '';
}
