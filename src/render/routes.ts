/** The URL scheme, in one place: output paths relative to the site root, always ending in "/", made only of slugs. */
import type { Group, Minister, Portfolio, Release } from '../types.js';

/** "release/prime-minister-leads-indo-pacific-four-nato/" */
export const releasePath = (release: Pick<Release, 'type' | 'slug'>): string => `${release.type}/${release.slug}/`;
/** "minister/christopher-luxon/" */
export const ministerPath = (minister: Pick<Minister, 'slug'>): string => `minister/${minister.slug}/`;
/** "portfolio/whanau-ora/" */
export const portfolioPath = (portfolio: Pick<Portfolio, 'slug'>): string => `portfolio/${portfolio.slug}/`;
/** "2024/" or "speech/": a year's or a type's listing. */
export const groupPath = (group: Pick<Group, 'slug'>): string => `${group.slug}/`;
/** The index of every minister. */
export const MINISTERS_PATH = 'minister/';
/** The index of every portfolio. */
export const PORTFOLIOS_PATH = 'portfolio/';
/** The list of years. */
export const ARCHIVE_PATH = 'archive/';
/** The accessibility statement. */
export const ACCESSIBILITY_PATH = 'accessibility/';
/** The home page. */
export const HOME_PATH = '';

/** Page `number` of a paginated listing at `path`: page 1 is the listing itself, then "page/2/", … */
export function paginatedPath(path: string, number: number): string {
  return number === 1 ? path : `${path}page/${number}/`;
}

/** The file a page path is written to. */
export function fileOf(path: string): string {
  return `${path}index.html`;
}
