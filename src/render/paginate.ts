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
      pages: pageLinks(number, total).map((link) => ({ ...link, path: paginatedPath(basePath, link.number) })),
    };
  });
}

/**
 * The pages a page links to, GOV.UK's way: the first and last pages, this page and the pages either side of it, each
 * run of skipped pages marked on the link after it (a run of one page is shown instead). A listing of every page on
 * every page would grow with the square of the archive: 3,550 links on each of the 3,550 pages of a 71,000-release
 * home listing.
 */
export function pageLinks(number: number, total: number): Omit<PageLink, 'path'>[] {
  const shown = [...new Set([1, number - 1, number, number + 1, total])].filter((page) => page >= 1 && page <= total).sort((a, b) => a - b);
  const links: Omit<PageLink, 'path'>[] = [];
  for (const page of shown) {
    const last = links.at(-1)?.number;
    if (last !== undefined && page - last === 2) links.push({ number: last + 1 });
    links.push(last !== undefined && page - last > 2 ? { number: page, gapBefore: true } : { number: page });
  }
  return links;
}
