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
  /** Every page's number and path, for the numbered links. */
  pages: { number: number; path: string }[];
}

/** Always at least one page, so an empty listing still has its page. */
export function paginate<T>(items: readonly T[], basePath: string, pageSize: number): Pagination<T>[] {
  const total = Math.max(1, Math.ceil(items.length / pageSize));
  const pages = Array.from({ length: total }, (_, i) => ({ number: i + 1, path: paginatedPath(basePath, i + 1) }));
  return pages.map(({ number, path }) => ({
    items: items.slice((number - 1) * pageSize, number * pageSize),
    number,
    total,
    path,
    ...(number > 1 ? { previous: paginatedPath(basePath, number - 1) } : {}),
    ...(number < total ? { next: paginatedPath(basePath, number + 1) } : {}),
    pages,
  }));
}
