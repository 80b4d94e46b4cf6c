/**
 * Dev mode's assembly: the last site patched with the releases that changed, so one edit costs a few binary searches
 * instead of sorting and grouping the whole archive again. Lists the edit leaves alone stay the very same arrays.
 */
import { ministerKey } from '../minister-key.js';
import { slugify } from '../slug.js';
import type { Group, RenderedRelease, Settings, Site, Slug } from '../types.js';
import { ALWAYS_LISTED_TYPE, assembleSite, compareNewestFirst } from './assemble-site.js';

/** Releases → site: `assembleSite`, or a stand-in with a memory of the last call. */
export type SiteAssembler = (releases: readonly RenderedRelease[], settings: Settings) => Site;

/** Beyond this many added or removed releases a patch saves nothing over assembling afresh. */
const MOST_PATCHED = 64;

/**
 * An assembler that remembers its last input and site. The result always equals `assembleSite` on the same input;
 * whenever a patch could differ (a group appears or goes, an order tie, a name listed twice) it assembles afresh.
 */
export function reassembleSite(): SiteAssembler {
  let last: { input: readonly RenderedRelease[]; site: Site } | undefined;
  return (releases, settings) => {
    const changes = last && changedReleases(last.input, releases);
    const site = (changes && patchSite(last!.site, changes, settings)) ?? assembleSite(releases, settings);
    last = { input: releases, site };
    return site;
  };
}

/** The releases that went and came between two inputs, or undefined when there are too many to patch. */
function changedReleases(before: readonly RenderedRelease[], after: readonly RenderedRelease[]): Changes | undefined {
  // The input keeps the files' order, so an edit leaves every other release at its index: one pass, no hashing.
  if (before.length === after.length) {
    const changes: Changes = { removed: [], added: [] };
    for (let i = 0; i < after.length; i++) {
      if (before[i] === after[i]) continue;
      changes.removed.push(before[i]!);
      if (changes.added.push(after[i]!) > MOST_PATCHED) break;
    }
    if (changes.added.length <= MOST_PATCHED) return changes;
  }
  const [was, is] = [new Set(before), new Set(after)];
  const removed = before.filter((release) => !is.has(release));
  const added = after.filter((release) => !was.has(release));
  return removed.length + added.length <= MOST_PATCHED ? { removed, added } : undefined;
}

/** Releases to take out of the last site and to put in. */
interface Changes {
  removed: RenderedRelease[];
  added: RenderedRelease[];
}

/** A grouping of the site: which groups a release belongs to, and whether a group may exist without listed releases. */
interface Grouping {
  keysOf(release: RenderedRelease): Slug[];
  /** For ministers and portfolios: the names a release gives, and a name's key, to show a group by its newest name. */
  names?: { of(release: RenderedRelease): readonly string[]; key(name: string): Slug };
  /** True when a withdrawn release keeps its group, empty of listed releases, as assembleSite does. */
  keepsEmpty: boolean;
}

const MINISTERS: Grouping = { keysOf: (r) => r.ministers.map(ministerKey), names: { of: (r) => r.ministers, key: ministerKey }, keepsEmpty: true };
const PORTFOLIOS: Grouping = { keysOf: (r) => r.portfolios.map(slugify), names: { of: (r) => r.portfolios, key: slugify }, keepsEmpty: true };
const YEARS: Grouping = { keysOf: (r) => [r.date.slice(0, 4) as Slug], keepsEmpty: false };
const TYPES: Grouping = { keysOf: (r) => [r.type], keepsEmpty: true };

function patchSite(previous: Site, { removed, added }: Changes, settings: Settings): Site | undefined {
  const changed: Changes = { removed: removed.filter((r) => !r.withdrawn), added: added.filter((r) => !r.withdrawn) };
  const listed = patchList(previous.releases, changed.removed, changed.added);
  const withdrawn = patchList(previous.withdrawn, removed.filter((r) => r.withdrawn), added.filter((r) => r.withdrawn));
  if (!listed || !withdrawn) return undefined;
  const touched = [...removed, ...added];
  const group = <T extends Group>(groups: T[], grouping: Grouping) => patchGroups(groups, grouping, touched, changed, withdrawn);
  const ministers = group(previous.ministers, MINISTERS);
  const portfolios = group(previous.portfolios, PORTFOLIOS);
  const years = group(previous.years, YEARS);
  const types = group(previous.types, TYPES);
  if (!ministers || !portfolios || !years || !types) return undefined;
  return { settings, releases: listed, ministers, portfolios, years, types, withdrawn };
}

/**
 * `list` (newest first) without `out` and with `into`, as a new array; the same array when neither has any. Undefined
 * when a release ties with a neighbour, since only a full sort knows the order of ties.
 */
function patchList(list: RenderedRelease[], out: readonly RenderedRelease[], into: readonly RenderedRelease[]): RenderedRelease[] | undefined {
  if (out.length === 0 && into.length === 0) return list;
  const next = list.slice();
  for (const release of out) {
    const at = next.indexOf(release);
    if (at < 0) return undefined;
    next.splice(at, 1);
  }
  for (const release of into) {
    let low = 0;
    let high = next.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareNewestFirst(next[middle]!, release) < 0) low = middle + 1;
      else high = middle;
    }
    if (low < next.length && compareNewestFirst(next[low]!, release) === 0) return undefined;
    next.splice(low, 0, release);
  }
  return next;
}

/** The groups with those the touched releases belong to patched; undefined when a group would appear or go. */
function patchGroups<T extends Group>(
  groups: T[],
  grouping: Grouping,
  touched: readonly RenderedRelease[],
  changed: Changes,
  withdrawn: readonly RenderedRelease[],
): T[] | undefined {
  const keys = new Map<RenderedRelease, Slug[]>();
  for (const release of touched) {
    const own = grouping.keysOf(release);
    // assembleSite lists a release once per name, so two names with one key would list it twice: leave that to it.
    if (new Set(own).size !== own.length) return undefined;
    keys.set(release, own);
  }
  const affected = new Set([...keys.values()].flat());
  if (affected.size === 0) return groups;
  const next = groups.slice();
  const within = (slug: Slug) => (release: RenderedRelease) => keys.get(release)!.includes(slug);
  for (const slug of affected) {
    const at = groups.findIndex((g) => g.slug === slug);
    if (at < 0) return undefined;
    const releases = patchList(groups[at]!.releases, changed.removed.filter(within(slug)), changed.added.filter(within(slug)));
    if (!releases) return undefined;
    // The newest release naming the group: a listed one, else (for an empty group) a withdrawn one.
    const holder = releases[0] ?? (grouping.keepsEmpty ? withdrawn.find((r) => grouping.keysOf(r).includes(slug)) : undefined);
    if (holder === undefined && !(grouping === TYPES && slug === ALWAYS_LISTED_TYPE.slug)) return undefined;
    const names = grouping.names;
    if (!names) {
      next[at] = { slug, releases } as T;
      continue;
    }
    const name = names.of(holder!).find((n) => names.key(n) === slug)!;
    next[at] = { slug, name, releases } as Group as T;
  }
  return next;
}
