/**
 * Rendered pages → Pagefind search indexes, one per year or part of a year, as more output files. Pure in effect:
 * Pagefind's service reads the HTML from memory and hands the indexes back in memory, so only write/ writes them.
 */
import { existsSync } from 'node:fs';
import type { PagefindIndex } from 'pagefind';
import { groupBy } from '../group-by.js';
import { compareText, error, warning } from '../problems.js';
import type { OutputFile, Problem, SearchInput, SearchMode, SearchPage } from '../types.js';
import { searchIndexFolder, SEARCH_RUNTIME } from './search-pages.js';

const PAGES_IN_FLIGHT = 200;

/**
 * From this many pages on, two Pagefind services index at once. One service works through its messages one at a time
 * (about one core), so at 10,000 releases it alone took the page stage from 7 s to 23 s; a second one uses the core
 * that waited. Cold builds, one service against two, three pairs each: 3,000 releases 18.7 s against 17.8 s (medians;
 * two won every pair); 1,000 releases 9.1 s against 9.7 s, no gain for a second process's memory.
 */
const PAGES_FOR_TWO_SERVICES = 3000;

/**
 * After an index of this many pages, a service's process is stopped and the next index starts a fresh one. Pagefind
 * keeps what an index took once it is deleted: one service given indexes of 2,400 release pages peaked at 313 MiB
 * while it made each one's files and still held 250 MiB after it; indexes of 600 pages peaked at 89 MiB. Below this,
 * what it keeps is small, and a new process for every index of a small site or of `dev` would buy nothing.
 */
export const RESTART_AFTER_PAGES = 1000;

// What an index's folder keeps of Pagefind's bundle: the index alone. The script, worker and WebAssembly are the same
// for every index and come once, with the runtime; the ready-made interfaces and the highlighter are not used at all.
const INDEX_FILE = /^(?:pagefind-entry\.json|pagefind\.[^/]+\.pf_meta|(?:index|fragment|filter)\/[^/]+)$/;
const RUNTIME_SCRIPT = /^pagefind(?:-worker)?\.js$/;

/** Search indexes being built while pages are still being rendered. */
export interface SearchIndexer {
  /**
   * Hands Pagefind more pages, of any index. Resolves once the batch before these is indexed (by the same service), so
   * at most two are ever in flight for each service. An index is finished, and Pagefind's copy of it dropped, as soon
   * as its last expected page is in.
   */
  add(pages: readonly SearchPage[]): Promise<void>;
  /**
   * The paths of every index's files, all delivered by then, and no problem; or one problem when Pagefind could not run
   * or refused a page, with the paths of the files delivered before it, which must not be shipped. Throws what
   * delivering threw.
   */
  finish(mode: SearchMode): Promise<{ files: string[]; problems: Problem[] }>;
  /** Drops the indexes unfinished: the build failed. */
  cancel(): Promise<void>;
}

/**
 * Starts Pagefind for the indexes `expected` names, with how many pages each will get. Pages come index by index (the
 * plans list releases newest first, so year by year), and an index's files go to `deliver` while the next one is
 * filled, so the build writes them as it goes rather than holding every index (143 MB at 71,000 releases) to the end. A
 * large site's indexes are shared between two Pagefind services (see PAGES_FOR_TWO_SERVICES); each holds at most two
 * indexes' pages at once, never the archive's. Pagefind's failures do not throw: when it cannot run (no binary for this
 * platform, say) `finish` gives one problem, a warning or, when search is required, an error. Only a failure to
 * deliver does, as a failed write would.
 */
export function startSearchIndexes(expected: ReadonlyMap<string, number>, deliver: (files: OutputFile[]) => Promise<void>, services = servicesFor(expected)): SearchIndexer {
  const names = [...expected.keys()];
  // Indexes go to the services in turn, in the order their pages come, so each service fills one while the other does.
  const serviceOf = new Map(names.map((name, order) => [name, order % services]));
  const owner = (page: SearchPage) => serviceOf.get(page.index) ?? 0;
  const indexers = Array.from({ length: services }, (_, service) =>
    startServiceIndexes(new Map([...expected].filter(([name]) => serviceOf.get(name) === service)), service, deliver),
  );
  return {
    add: async (pages) => {
      await Promise.all(
        indexers.map((indexer, service) => {
          const share = pages.filter((page) => owner(page) === service);
          return share.length > 0 ? indexer.add(share) : undefined;
        }),
      );
    },
    finish: async (mode) => {
      const made = await Promise.all(indexers.map((indexer) => indexer.finish(mode)));
      return { files: made.flatMap((result) => result.files).sort(compareText), problems: made.flatMap((result) => result.problems).slice(0, 1) };
    },
    cancel: async () => {
      await Promise.all(indexers.map((indexer) => indexer.cancel()));
    },
  };
}

function servicesFor(expected: ReadonlyMap<string, number>): number {
  const pages = [...expected.values()].reduce((sum, count) => sum + count, 0);
  return pages >= PAGES_FOR_TWO_SERVICES && expected.size > 2 ? 2 : 1;
}

/** One Pagefind service's share of the indexes: see startSearchIndexes. */
function startServiceIndexes(expected: ReadonlyMap<string, number>, service: number, deliver: (files: OutputFile[]) => Promise<void>): SearchIndexer {
  let failure: string | undefined;
  // Not Pagefind's failure but the output's (a full disk, say): the build fails with it, search or no search.
  let deliveryFailure: { cause: unknown } | undefined;
  let pagefindModule: Promise<typeof import('pagefind') | undefined> | undefined;
  const open = new Map<string, { index: Promise<PagefindIndex | undefined>; added: number }>();
  const finished = new Set<string>();
  const delivered: string[] = [];
  const fail = (reason: string) => {
    failure ??= reason;
  };
  /** Resolves once the service may open its next index: after a large one, once the process that made it is stopped. */
  let restarted: Promise<unknown> = Promise.resolve();
  const openIndex = (name: string) => {
    pagefindModule ??= loadPagefind(service).then((loaded) => {
      if ('reason' in loaded) fail(loaded.reason);
      return 'pagefind' in loaded ? loaded.pagefind : undefined;
    });
    const index = Promise.all([pagefindModule, restarted]).then(async ([pagefind]) => {
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
    const made = previous.then(() => makeFiles(name, entry?.index, keepFiles));
    // Pagefind's process keeps the memory an index took once the index is deleted, so after a large one it is
    // stopped, and the next index (whose pages come only after this one's) starts a fresh process.
    if ((expected.get(name) ?? 0) >= RESTART_AFTER_PAGES) restarted = made.then(async () => (await pagefindModule)?.close());
    closing = made.then(deliverFiles);
    return previous;
  };
  const makeFiles = async (name: string, opened: Promise<PagefindIndex | undefined> | undefined, keepFiles: boolean): Promise<OutputFile[]> => {
    const index = await opened;
    if (!index) return [];
    try {
      if (keepFiles && failure === undefined) {
        const built = await index.getFiles();
        if (built.errors.length > 0) fail(built.errors.join('; '));
        else return bundleFiles(name, built.files);
      }
    } catch (cause) {
      fail(`Pagefind stopped (${firstLine(cause)})`);
    } finally {
      await index.deleteIndex().catch(() => undefined);
    }
    return [];
  };
  const deliverFiles = async (files: OutputFile[]) => {
    if (files.length === 0 || deliveryFailure) return;
    await deliver(files).then(
      () => delivered.push(...files.map((file) => file.path)),
      (cause: unknown) => (deliveryFailure = { cause }),
    );
  };
  let inFlight: Promise<void> = Promise.resolve();
  const add = async (pages: readonly SearchPage[]) => {
    const previous = inFlight;
    inFlight = previous.then(async () => {
      for (const [name, group] of groupBy(pages, (page) => page.index)) {
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
    if (deliveryFailure) throw deliveryFailure.cause;
    return { files: delivered, problems: failure === undefined ? [] : [searchProblem(mode, failure)] };
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
  const files: OutputFile[] = [];
  const indexer = startSearchIndexes(expected, async (delivered) => void files.push(...delivered));
  for (let start = 0; start < input.pages.length; start += PAGES_IN_FLIGHT) await indexer.add(input.pages.slice(start, start + PAGES_IN_FLIGHT));
  const { problems } = await indexer.finish(input.mode);
  return { files: problems.length > 0 ? [] : files.sort((a, b) => compareText(a.path, b.path)), problems };
}

/** The files of one index that are shipped, in its folder: a year's or a part's index alone, or the runtime's script too. */
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

/**
 * Pagefind's module, or the reason, in words, why it cannot be used. The module runs one service process for all its
 * indexes; service 1 gets a second instance of the module (the same file under another URL, which ES modules load
 * afresh), and with it a process of its own.
 */
async function loadPagefind(service: number): Promise<{ pagefind: typeof import('pagefind') } | { reason: string }> {
  const override = missingBinaryOverride();
  if (override) return { reason: override };
  try {
    return { pagefind: service === 0 ? await import('pagefind') : ((await import(`${import.meta.resolve('pagefind')}?service=${service}`)) as typeof import('pagefind')) };
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
