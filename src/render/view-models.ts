/** What templates are given about a release: display-ready text and paths, so templates hold no logic. Pure. */
import { ministerKey } from '../minister-key.js';
import { slugify } from '../slug.js';
import type { IsoDate, RenderedRelease, Slug } from '../types.js';
import { formatDate } from './format-date.js';
import { ministerPath, portfolioPath, releasePath } from './routes.js';

/** A named link. */
export interface NamedLink {
  name: string;
  path: string;
}

/** A release as listings show it. */
export interface ReleaseCard {
  title: string;
  path: string;
  /** "2024-07-12", for `<time datetime>`. */
  date: string;
  /** "12 July 2024". */
  dateText: string;
  type: Slug;
  /** "Press release", "Speech", … */
  typeLabel: string;
  ministers: readonly NamedLink[];
  portfolios: readonly NamedLink[];
  summary: string;
}

const TYPE_LABELS: Record<string, { one: string; many: string }> = {
  release: { one: 'Press release', many: 'Press releases' },
  speech: { one: 'Speech', many: 'Speeches' },
  feature: { one: 'Feature', many: 'Features' },
  'ministerial-diary': { one: 'Ministerial diary', many: 'Ministerial diaries' },
};

/** "Press release" for "release"; the plural for a heading. */
export function typeLabel(type: string, plural = false): string {
  const labels = TYPE_LABELS[type] ?? { one: type, many: type };
  return plural ? labels.many : labels.one;
}

/** Cards already made, one per release object: a release is listed on several pages, and dev mode keeps releases. */
const cards = new WeakMap<RenderedRelease, ReleaseCard>();

/**
 * The card for a release; the same object each time for the same release, frozen to the last name and path, so a
 * page's digest can work out a card's once (see pageSources) and no template can change it under other pages.
 */
export function releaseCard(release: RenderedRelease): ReleaseCard {
  let card = cards.get(release);
  if (card === undefined) {
    card = makeCard(release);
    cards.set(release, card);
  }
  return card;
}

function makeCard(release: RenderedRelease): ReleaseCard {
  const link = (name: string, path: string): NamedLink => Object.freeze({ name, path });
  return Object.freeze({
    title: release.title,
    path: releasePath(release),
    date: release.date,
    dateText: formatDate(release.date),
    type: release.type,
    typeLabel: typeLabel(release.type),
    ministers: Object.freeze(release.ministers.map((name) => link(name, ministerPath({ slug: ministerKey(name) })))),
    portfolios: Object.freeze(release.portfolios.map((name) => link(name, portfolioPath({ slug: slugify(name) })))),
    summary: release.summary ?? release.excerpt,
  });
}

/** The date of the release's latest correction, else its own date: what dateModified, feeds and the sitemap show. */
export function lastModified(release: RenderedRelease): IsoDate {
  return release.updates.at(-1)?.date ?? release.date;
}

/** The newest last-modified date among releases, if there are any. */
export function newestModified(releases: readonly RenderedRelease[]): IsoDate | undefined {
  let newest: IsoDate | undefined;
  for (const release of releases) {
    const modified = lastModified(release);
    if (newest === undefined || modified > newest) newest = modified;
  }
  return newest;
}
