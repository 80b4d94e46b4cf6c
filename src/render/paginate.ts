/** Splits a listing into pages and works out each page's links. Pure. */
import { paginatedPath } from './routes.js';

/** One page of a listing: its items and where its neighbours are. */
export interface Pagination<T> {
  /** This page's items. */
  items: T[];
  /** 1-based number of this page. */
  number: number;
  /** How many pages the listing has. */
  total: number;
  /** Path of this page. */
  path: string;
  /** Path of the page before, if any. */
  previous?: string;
  /** Path of the page after, if any. */
  next?: string;
  /** The numbered links this page shows, in order (see pageLinks). */
  pages: PageLink[];
}

/**
 * A numbered link to a page of the listing. `gapBefore` marks a run of skipped pages before it: a flag on the link,
 * so a site's own template written for a list of links still gets links.
 */
export interface PageLink {
  number: number;
  path: string;
  gapBefore?: true;
}

/** Always at least one page, so an empty listing still has its page. */
export function paginate<T>(items: readonly T[], basePath: string, pageSize: number): Pagination<T>[] {
  const total = Math.max(1, Math.ceil(items.length / pageSize));
  return Array.from({ length: total }, (_, i) => {
    const number = i + 1;
    return {
      items: items.slice((number - 1) * pageSize, number * pageSize),
      number,
      total,
      path: paginatedPath(basePath, number),
      ...(number > 1 ? { previous: paginatedPath(basePath, number - 1) } : {}),
      ...(number < total ? { next: paginatedPath(basePath, number + 1) } : {}),
      pages: pageLinkList(number, total, basePath),
    };
  });
}

function pageLinkList(number: number, total: number, basePath: string): PageLink[] {
  const links: PageLink[] = [];
  let gapBefore = false;
  for (const shown of pageLinks(number, total)) {
    if (shown === GAP) gapBefore = true;
    else links.push({ number: shown, path: paginatedPath(basePath, shown), ...(gapBefore ? { gapBefore: true as const } : {}) });
    if (shown !== GAP) gapBefore = false;
  }
  return links;
}

const GAP = 0;

/**
 * The page numbers a page links to, GOV.UK's way: the first and last pages, this page and the pages either side of it,
 * with GAP for each run of skipped pages (a run of one page is shown instead). A listing of every page on every page
 * would grow with the square of the archive: 3,550 links on each of the 3,550 pages of a 71,000-release home listing.
 */
export function pageLinks(number: number, total: number): number[] {
  const shown = [...new Set([1, number - 1, number, number + 1, total])].filter((page) => page >= 1 && page <= total).sort((a, b) => a - b);
  const links: number[] = [];
  for (const page of shown) {
    const last = links.at(-1);
    if (last !== undefined && page - last === 2) links.push(last + 1);
    else if (last !== undefined && page - last > 2) links.push(GAP);
    links.push(page);
  }
  return links;
}
