/** What templates are given about a release: display-ready text and paths, so templates hold no logic. Pure. */
import { ministerKey } from '../minister-key.js';
import { slugify } from '../slug.js';
import type { RenderedRelease, Slug } from '../types.js';
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
  ministers: NamedLink[];
  portfolios: NamedLink[];
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

// A release is shown in half a dozen listings and beside its neighbours: make its card once. Cards are never mutated.
const cards = new WeakMap<RenderedRelease, ReleaseCard>();

/** The card for a release. */
export function releaseCard(release: RenderedRelease): ReleaseCard {
  let card = cards.get(release);
  if (card === undefined) cards.set(release, (card = makeCard(release)));
  return card;
}

function makeCard(release: RenderedRelease): ReleaseCard {
  return {
    title: release.title,
    path: releasePath(release),
    date: release.date,
    dateText: formatDate(release.date),
    type: release.type,
    typeLabel: typeLabel(release.type),
    ministers: release.ministers.map((name) => ({ name, path: ministerPath({ slug: ministerKey(name) }) })),
    portfolios: release.portfolios.map((name) => ({ name, path: portfolioPath({ slug: slugify(name) }) })),
    summary: release.summary ?? release.excerpt,
  };
}
