/** Rendered releases → the whole site as data: sorted releases, ministers, portfolios, years and types. Pure. */
import { ministerKey } from '../minister-key.js';
import { compareText } from '../problems.js';
import { slugify } from '../slug.js';
import type { Group, Minister, Portfolio, RenderedRelease, Settings, Site, Slug } from '../types.js';

/** Newest first: date descending, then type and slug ascending, so same-day releases keep one order everywhere. */
export function compareNewestFirst(a: RenderedRelease, b: RenderedRelease): number {
  return compareText(b.date, a.date) || compareText(a.type, b.type) || compareText(a.slug, b.slug);
}

/** Every page's navigation links the press releases listing, so it exists even before the first press release. */
export const ALWAYS_LISTED_TYPE: Group = { slug: 'release' as Slug, releases: [] };

/**
 * Groups and sorts; every list in the result is in its final display order. Withdrawn releases are in no list, but
 * their ministers, portfolios and type still get a (possibly empty) page, so the withdrawn page's links all lead somewhere.
 */
export function assembleSite(releases: readonly RenderedRelease[], settings: Settings): Site {
  const sorted = [...releases].sort(compareNewestFirst);
  const listed = sorted.filter((r) => !r.withdrawn);
  const withdrawn = sorted.filter((r) => r.withdrawn);
  const withEmpty = <T extends { slug: Slug; releases: RenderedRelease[] }>(groups: T[], extra: T[]) =>
    [...groups, ...extra.filter((e) => !groups.some((g) => g.slug === e.slug)).map((e) => ({ ...e, releases: [] }))];
  return {
    settings,
    releases: listed,
    ministers: withEmpty(groupByName(listed, (r) => r.ministers, ministerKey), groupByName(withdrawn, (r) => r.ministers, ministerKey)).sort((a, b) => compareText(a.slug, b.slug)),
    portfolios: withEmpty(groupByName(listed, (r) => r.portfolios, slugify), groupByName(withdrawn, (r) => r.portfolios, slugify)).sort((a, b) => compareText(a.slug, b.slug)),
    years: groupBy(listed, (r) => r.date.slice(0, 4) as Slug).sort((a, b) => compareText(b.slug, a.slug)),
    types: withEmpty(groupBy(listed, (r) => r.type), [...groupBy(withdrawn, (r) => r.type), ALWAYS_LISTED_TYPE]).sort((a, b) => compareText(a.slug, b.slug)),
    withdrawn,
  };
}

/**
 * People and portfolios keyed by slug, so "Hon X" and "Rt Hon X" are one person; each is shown by the name as written
 * in their newest release, which comes first because `sorted` is newest first.
 */
function groupByName(
  sorted: readonly RenderedRelease[],
  namesOf: (release: RenderedRelease) => readonly string[],
  keyOf: (name: string) => Slug,
): (Minister | Portfolio)[] {
  const groups = new Map<Slug, Minister>();
  // Thousands of releases share a few dozen names: key each name once.
  const keys = new Map<string, Slug>();
  for (const release of sorted) {
    for (const name of namesOf(release)) {
      let slug = keys.get(name);
      if (slug === undefined) keys.set(name, (slug = keyOf(name)));
      const group = groups.get(slug);
      if (group) group.releases.push(release);
      else groups.set(slug, { slug, name, releases: [release] });
    }
  }
  return [...groups.values()].sort((a, b) => compareText(a.slug, b.slug));
}

function groupBy(sorted: readonly RenderedRelease[], keyOf: (release: RenderedRelease) => Slug): Group[] {
  const groups = new Map<Slug, Group>();
  for (const release of sorted) {
    const slug = keyOf(release);
    const group = groups.get(slug);
    if (group) group.releases.push(release);
    else groups.set(slug, { slug, releases: [release] });
  }
  return [...groups.values()];
}
