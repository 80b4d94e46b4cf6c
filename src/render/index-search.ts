/**
 * Rendered pages → Pagefind search indexes, one per year, as more output files. Pure in effect: Pagefind's service
 * reads the HTML from memory and hands the indexes back in memory, so only write/ writes them.
 */
import { createHash, type Hash } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { PagefindIndex } from 'pagefind';
import { error, warning } from '../problems.js';
import type { OutputFile, PagePlan, Problem, ProducedSearchPage, SearchInput, SearchMode, SearchPage, Settings } from '../types.js';

/** Where the search goes in the output: pagefind/ holds Pagefind's script and the runtime, pagefind/<year>/ each year's index. */
export const SEARCH_INDEX_PATH = 'pagefind/';

/**
 * The name of the runtime among the indexes: Pagefind's script, worker and WebAssembly, with an index of one stand-in
 * page, so the search page has a main instance to merge every year into. It depends only on Pagefind and the language.
 */
export const SEARCH_RUNTIME = 'runtime';

const PAGES_IN_FLIGHT = 200;

// What a year's folder keeps of Pagefind's bundle: its index alone. The script, worker and WebAssembly are the same for
// every year and come once, with the runtime; the ready-made interfaces and the highlighter are not used at all.
const INDEX_FILE = /^(?:pagefind-entry\.json|pagefind\.[^/]+\.pf_meta|(?:index|fragment|filter)\/[^/]+)$/;
const RUNTIME_SCRIPT = /^pagefind(?:-worker)?\.js$/;

/** The output folder of an index ("pagefind/2024/"; the runtime's is "pagefind/"). */
export function searchIndexFolder(name: string): string {
  return name === SEARCH_RUNTIME ? SEARCH_INDEX_PATH : `${SEARCH_INDEX_PATH}${name}/`;
}

/** Which index an output file belongs to, or undefined when it is no search file: year folders are all digits. */
export function searchIndexOfPath(file: string): string | undefined {
  if (!file.startsWith(SEARCH_INDEX_PATH)) return undefined;
  return /^(\d+)\//.exec(file.slice(SEARCH_INDEX_PATH.length))?.[1] ?? SEARCH_RUNTIME;
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

/** Search indexes being built while pages are still being rendered. */
export interface SearchIndexer {
  /**
   * Hands Pagefind more pages, of any index. Resolves once the batch before these is indexed, so at most two are ever
   * in flight. An index is finished, and Pagefind's copy of it dropped, as soon as its last expected page is in.
   */
  add(pages: readonly SearchPage[]): Promise<void>;
  /** The files of every index, or none and one problem when Pagefind could not run or refused a page. */
  finish(mode: SearchMode): Promise<{ files: OutputFile[]; problems: Problem[] }>;
  /** Drops the indexes unfinished: the build failed. */
  cancel(): Promise<void>;
}

/**
 * Starts Pagefind for the indexes `expected` names, with how many pages each will get. Pages come index by index (the
 * plans list releases newest first, so year by year), and an index is handed over while the next one is filled:
 * Pagefind holds at most two years' pages at once, never the archive's. It never throws: when Pagefind cannot run (no binary for this platform, say)
 * `finish` gives no files and one problem, a warning or, when search is required, an error.
 */
export function startSearchIndexes(expected: ReadonlyMap<string, number>): SearchIndexer {
  let failure: string | undefined;
  let service: Promise<typeof import('pagefind') | undefined> | undefined;
  const open = new Map<string, { index: Promise<PagefindIndex | undefined>; added: number }>();
  const finished = new Set<string>();
  const files: OutputFile[] = [];
  const fail = (reason: string) => {
    failure ??= reason;
  };
  const openIndex = (name: string) => {
    service ??= loadPagefind().then((loaded) => {
      if ('reason' in loaded) fail(loaded.reason);
      return 'pagefind' in loaded ? loaded.pagefind : undefined;
    });
    const index = service.then(async (pagefind) => {
      if (!pagefind || failure !== undefined) return undefined;
      try {
        const created = await pagefind.createIndex({});
        if (!created.index) fail(created.errors.join('; ') || 'Pagefind made no index');
        return created.index ?? undefined;
      } catch (cause) {
        fail(`Pagefind cannot run on this machine (${firstLine(cause)})`);
        return undefined;
      }
    });
    const entry = { index, added: 0 };
    open.set(name, entry);
    return entry;
  };
  /** The index that is being finished, if any: the next one is filled meanwhile, so no more than two are ever open. */
  let closing: Promise<void> = Promise.resolve();
  const close = (name: string, keepFiles: boolean) => {
    const entry = open.get(name);
    open.delete(name);
    finished.add(name);
    const previous = closing;
    closing = previous.then(() => handOver(name, entry?.index, keepFiles));
    return previous;
  };
  const handOver = async (name: string, opened: Promise<PagefindIndex | undefined> | undefined, keepFiles: boolean) => {
    const index = await opened;
    if (!index) return;
    try {
      if (keepFiles && failure === undefined) {
        const built = await index.getFiles();
        if (built.errors.length > 0) fail(built.errors.join('; '));
        else files.push(...bundleFiles(name, built.files));
      }
    } catch (cause) {
      fail(`Pagefind stopped (${firstLine(cause)})`);
    } finally {
      await index.deleteIndex().catch(() => undefined);
    }
  };
  let inFlight: Promise<void> = Promise.resolve();
  const add = async (pages: readonly SearchPage[]) => {
    const previous = inFlight;
    inFlight = previous.then(async () => {
      for (const [name, group] of groupByIndex(pages)) {
        if (failure !== undefined) return;
        // Pagefind cannot add to an index it has handed over: the pages must come index by index, as the plans list them.
        if (finished.has(name)) return fail(`the pages of the ${name} index did not come together (${group[0]?.url} came after the index was finished)`);
        const entry = open.get(name) ?? openIndex(name);
        const index = await entry.index;
        if (!index) return;
        try {
          const added = await Promise.all(group.map((page) => index.addHTMLFile({ url: page.url, content: page.html })));
          const refused = added.findIndex((response) => response.errors.length > 0);
          if (refused !== -1) fail(`Pagefind could not index ${group[refused]?.url}: ${added[refused]?.errors.join('; ')}`);
        } catch (cause) {
          fail(`Pagefind stopped (${firstLine(cause)})`);
        }
        entry.added += group.length;
        if (entry.added === expected.get(name)) await close(name, true);
      }
    });
    await previous;
  };
  const finish = async (mode: SearchMode) => {
    await inFlight;
    for (const name of [...open.keys()]) await close(name, true);
    await closing;
    if (failure !== undefined) return { files: [], problems: [searchProblem(mode, failure)] };
    return { files: files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), problems: [] };
  };
  const cancel = async () => {
    await inFlight;
    for (const name of [...open.keys()]) await close(name, false);
    await closing;
  };
  return { add, finish, cancel };
}

/** Builds the indexes of `input.pages` in one go; never throws (see startSearchIndexes). */
export async function indexSearch(input: SearchInput): Promise<{ files: OutputFile[]; problems: Problem[] }> {
  const expected = new Map<string, number>();
  for (const page of input.pages) expected.set(page.index, (expected.get(page.index) ?? 0) + 1);
  const indexer = startSearchIndexes(expected);
  for (let start = 0; start < input.pages.length; start += PAGES_IN_FLIGHT) await indexer.add(input.pages.slice(start, start + PAGES_IN_FLIGHT));
  return indexer.finish(input.mode);
}

/** The pages by index, in the order each index first appears. */
function groupByIndex(pages: readonly SearchPage[]): Map<string, SearchPage[]> {
  const groups = new Map<string, SearchPage[]>();
  for (const page of pages) {
    const group = groups.get(page.index);
    if (group) group.push(page);
    else groups.set(page.index, [page]);
  }
  return groups;
}

/** The files of one index that are shipped, in its folder: a year's index alone, or the runtime's script too. */
function bundleFiles(name: string, built: readonly { path: string; content: Uint8Array }[]): OutputFile[] {
  const folder = searchIndexFolder(name);
  let shipped = (file: string) => INDEX_FILE.test(file);
  if (name === SEARCH_RUNTIME) {
    // Only the WebAssembly of the languages the index holds: the others are never fetched.
    const entry = built.find((file) => file.path === 'pagefind-entry.json');
    const languages = entry ? (JSON.parse(Buffer.from(entry.content).toString('utf8')) as { languages?: Record<string, { wasm?: string }> }).languages : undefined;
    const wasm = new Set(Object.values(languages ?? {}).map((language) => `wasm.${language.wasm}.pagefind`));
    shipped = (file) => INDEX_FILE.test(file) || RUNTIME_SCRIPT.test(file) || wasm.has(file);
  }
  return built.filter((file) => shipped(file.path)).map((file) => ({ path: `${folder}${file.path}`, content: file.content }));
}

/** Pagefind's module, or the reason, in words, why it cannot be used. */
async function loadPagefind(): Promise<{ pagefind: typeof import('pagefind') } | { reason: string }> {
  const override = missingBinaryOverride();
  if (override) return { reason: override };
  try {
    return { pagefind: await import('pagefind') };
  } catch (cause) {
    return { reason: `the pagefind package cannot be loaded (${firstLine(cause)})` };
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
