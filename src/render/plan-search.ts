/** The search page and the filter values each release page carries into the search index. Pure. */
import { groupBy } from '../group-by.js';
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
    year: yearOf(release.date),
  });
}

/**
 * About the most pages one search index holds. Pagefind's memory while it makes an index's files grows with the index:
 * one service making indexes of 700 release pages peaked at 115 MiB, of 2,400 at 316 MiB. A year with more indexed
 * releases is split into parts (see searchIndexing).
 */
export const SEARCH_INDEX_PAGES = 1000;

/** The ways a year splits into parts of whole months, fewest parts first. */
const PARTS_OF_A_YEAR = [1, 2, 3, 4, 6, 12];

/** Which search index each indexed release goes into, and how the years were split, which names every index. */
export interface SearchIndexing {
  indexOf(release: RenderedRelease): string;
  /** The years split into parts, with how many ("2024:3"), space-separated; empty when no year is. */
  splitYears: string;
}

/** Whether a release's page is indexed, by crawlers and search: a withdrawn one or a draft is not. */
export function isIndexed(release: RenderedRelease): boolean {
  return release.withdrawn === undefined && !release.draft;
}

/**
 * The search index of each release: its year ("2024"), or in a year of more than `most` indexed releases, the part of
 * the year its month falls in, named by the part's first month ("2024-05" for May to August). Parts are whole months,
 * as few as would hold at most `most` each were the releases spread evenly. So an edit re-indexes one year's pages at
 * most: a release changes index only when its date does, or when its year's count calls for other parts.
 */
export function searchIndexing(releases: readonly RenderedRelease[], most = SEARCH_INDEX_PAGES): SearchIndexing {
  const parts = new Map<string, number>();
  for (const [year, indexed] of groupBy(releases, indexedYear)) {
    const split = PARTS_OF_A_YEAR.find((part) => indexed.length <= most * part) ?? PARTS_OF_A_YEAR.at(-1)!;
    if (split > 1) parts.set(year, split);
  }
  return {
    indexOf: ({ date }) => {
      const year = yearOf(date);
      const split = parts.get(year);
      if (split === undefined) return year;
      const months = 12 / split;
      const first = Math.floor((Number(date.slice(5, 7)) - 1) / months) * months + 1;
      return `${year}-${String(first).padStart(2, '0')}`;
    },
    splitYears: [...parts].sort(([a], [b]) => compareText(a, b)).map(([year, split]) => `${year}:${split}`).join(' '),
  };
}

/** Whether two releases count alike in searchIndexing: indexed in the same year, or neither indexed. */
export function countsAlikeForSearch(a: RenderedRelease, b: RenderedRelease): boolean {
  return indexedYear(a) === indexedYear(b);
}

/** The year a release counts in for searchIndexing; none when it is not indexed. */
function indexedYear(release: RenderedRelease): string | undefined {
  return isIndexed(release) ? yearOf(release.date) : undefined;
}

function yearOf(date: IsoDate): string {
  return date.slice(0, 4);
}

/** The search indexes the plans fill, newest first ("2024" before "2023-07"): the search page loads each of them. */
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
