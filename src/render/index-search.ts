/**
 * Rendered pages → the Pagefind search index as more output files. Pure in effect: Pagefind's service reads the
 * HTML from memory and hands the index back in memory, so only write/ writes it.
 */
import { existsSync } from 'node:fs';
import { error, warning } from '../problems.js';
import type { OutputFile, PagePlan, Problem, SearchInput, Settings } from '../types.js';

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
  const html = new Map(files.map((file) => [file.path, file.content]));
  const pages: SearchInput['pages'] = [];
  for (const plan of plans) {
    const content = plan.searchable ? html.get(plan.path) : undefined;
    if (typeof content === 'string') pages.push({ url: `/${plan.path.replace(/index\.html$/, '')}`, html: content });
  }
  return { pages, mode: settings.search };
}

/**
 * Builds the index of `input.pages` with Pagefind. It never throws: when Pagefind cannot run (no binary for this
 * platform, say) the result is no files and one problem, a warning or, when search is required, an error.
 */
export async function indexSearch(input: SearchInput): Promise<{ files: OutputFile[]; problems: Problem[] }> {
  const failed = (reason: string) => ({ files: [], problems: [searchProblem(input.mode, reason)] });
  const override = missingBinaryOverride();
  if (override) return failed(override);
  let pagefind: typeof import('pagefind');
  try {
    pagefind = await import('pagefind');
  } catch (cause) {
    return failed(`the pagefind package cannot be loaded (${firstLine(cause)})`);
  }
  let index;
  try {
    const created = await pagefind.createIndex({});
    if (!created.index) return failed(created.errors.join('; ') || 'Pagefind made no index');
    index = created.index;
  } catch (cause) {
    return failed(`Pagefind cannot run on this machine (${firstLine(cause)})`);
  }
  try {
    // Sent in batches: one page at a time waits on every round trip, all at once buffers the whole site twice.
    for (let start = 0; start < input.pages.length; start += PAGES_IN_FLIGHT) {
      const batch = input.pages.slice(start, start + PAGES_IN_FLIGHT);
      const added = await Promise.all(batch.map((page) => index.addHTMLFile({ url: page.url, content: page.html })));
      const refused = added.findIndex((response) => response.errors.length > 0);
      if (refused !== -1) return failed(`Pagefind could not index ${batch[refused]?.url}: ${added[refused]?.errors.join('; ')}`);
    }
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
    await index.deleteIndex().catch(() => undefined);
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

function searchProblem(mode: SearchInput['mode'], reason: string): Problem {
  const where = { field: 'pressroom.search' };
  if (mode === 'required') {
    return error('package.json', `the search index could not be built: ${reason}; search is "required", so nothing was written. Reinstall with "npm ci" on a platform Pagefind supports, or set "search" to "optional" to build without search`, where);
  }
  return warning('package.json', `the search index could not be built: ${reason}; the rest of the site is built and the search page says search is unavailable. Reinstall with "npm ci" on a platform Pagefind supports, or set "search" to "required" to make this an error`, where);
}

function firstLine(cause: unknown): string {
  return String((cause as Error)?.message ?? cause).split('\n')[0] ?? '';
}
