/** The search page and the filter values each release page carries into the search index. Pure. */
import { ministerKey } from '../minister-key.js';
import { compareText } from '../problems.js';
import { slugify } from '../slug.js';
import type { IsoDate, PagePlan, RenderedRelease, Site } from '../types.js';
import type { FeedLink } from './plan-feeds.js';
import * as routes from './routes.js';
import { typeLabel } from './view-models.js';

/** Where the search page lives. */
export const SEARCH_PATH = 'search/';

/** A filter control on the search page: its name in the index, its label, and every value it can take. */
export interface SearchFilter {
  /** The filter's name in the index ("minister"), also the query parameter that pre-selects it. */
  name: string;
  /** The control's visible label ("Minister"). */
  label: string;
  /** Every value, in the order the site lists them. */
  options: string[];
}

/** The values a release page gives the index's filters, using the same names the search page offers. */
export interface SearchValues {
  ministers: string[];
  portfolios: string[];
  type: string;
  year: string;
}

/**
 * A release's filter values. A minister or portfolio is named as the site shows it now (newest form), so "Hon X"
 * in 2023 and "Rt Hon X" in 2024 are one filter value, as they are one minister page.
 */
export function searchValuesOf(site: Site): (release: RenderedRelease) => SearchValues {
  const ministers = new Map(site.ministers.map((m) => [m.slug as string, m.name]));
  const portfolios = new Map(site.portfolios.map((p) => [p.slug as string, p.name]));
  return (release) => ({
    ministers: release.ministers.map((name) => ministers.get(ministerKey(name)) ?? name),
    portfolios: release.portfolios.map((name) => portfolios.get(slugify(name)) ?? name),
    type: typeLabel(release.type),
    year: release.date.slice(0, 4),
  });
}

/**
 * The search index a release's page goes into: the year of its date, the year the search page's filter offers. A
 * release never moves between indexes unless its date does, so an edit re-indexes one year's pages and no others.
 */
export function searchIndexOf(date: IsoDate): string {
  return date.slice(0, 4);
}

/** The search indexes the plans fill, newest year first: the search page loads each of them. */
export function searchIndexesOf(plans: readonly PagePlan[]): string[] {
  const names = new Set<string>();
  for (const plan of plans) if (plan.searchIndex !== undefined) names.add(plan.searchIndex);
  return [...names].sort((a, b) => compareText(b, a));
}

/**
 * The /search/ page: a search box and one filter control per kind of grouping, filled with the site's values, and the
 * names of the search indexes it searches (from the plans, so a year with no indexed page is never asked for).
 */
export function searchPage(site: Site, feeds: readonly FeedLink[], indexes: readonly string[]): PagePlan {
  const filters: SearchFilter[] = [
    { name: 'minister', label: 'Minister', options: site.ministers.map((m) => m.name) },
    { name: 'portfolio', label: 'Portfolio', options: site.portfolios.map((p) => p.name) },
    { name: 'type', label: 'Type', options: site.types.map((t) => typeLabel(t.slug)) },
    { name: 'year', label: 'Year', options: site.years.map((y) => y.slug) },
  ];
  return {
    path: routes.fileOf(SEARCH_PATH),
    template: 'search',
    source: 'search page',
    data: {
      page: { title: 'Search', path: SEARCH_PATH, description: `Search ${site.releases.length} releases by word, minister, portfolio, type and year.`, feeds },
      filters,
      indexes,
      browse: [
        { name: 'Ministers', path: routes.MINISTERS_PATH },
        { name: 'Portfolios', path: routes.PORTFOLIOS_PATH },
        { name: 'Archive', path: routes.ARCHIVE_PATH },
      ],
    },
  };
}
