/** The site as data → the list of pages to build: each page's path, template and data. Pure. */
import { error } from '../problems.js';
import type { Group, IsoDate, Minister, PagePlan, Problem, RenderedRelease, Site } from '../types.js';
import { formatDate } from './format-date.js';
import { ReleaseJsonLd } from './json-ld.js';
import { paginate, type Pagination } from './paginate.js';
import { listingFeed, planFeeds, siteFeed, type FeedLink } from './plan-feeds.js';
import { countsAlikeForSearch, isIndexed, searchIndexesOf, searchIndexing, searchPage, searchValuesOf, type SearchIndexing, type SearchValues } from './plan-search.js';
import { planNotFound, planRobots, planSitemap } from './plan-site-files.js';
import * as routes from './routes.js';
import { lastModified, newestModified, releaseCard, typeLabel } from './view-models.js';

/** The pages, feeds and crawler files, and a problem for any two that would be written to the same file. */
export function planPages(site: Site, memo?: PlanMemo): { pages: PagePlan[]; problems: Problem[] } {
  const searchValues = searchValuesOf(site);
  const indexing = recallIndexing(site.releases, memo);
  const recall = recallIn(site, indexing.splitYears, memo);
  const listing = (path: string, heading: string, releases: readonly RenderedRelease[], source: string, parent?: { name: string; path: string }) =>
    recall.listing(releases, `${path}\0${heading}`, (last?: Listed) => listingPages(site, path, heading, releases, source, parent, last));
  const release = (item: RenderedRelease, index?: number) => {
    const newer = index === undefined ? undefined : site.releases[index - 1];
    const older = index === undefined ? undefined : site.releases[index + 1];
    return recall.release(item, [newer, older, index === undefined], () => releasePage(site, item, searchValues(item), indexing.indexOf(item), index));
  };
  const releasePages = recall.listed(site.releases, (item, index) => release(item, index));
  const html = [
    ...listing(routes.HOME_PATH, 'Latest releases', site.releases, 'home'),
    ...releasePages,
    ...site.withdrawn.map((item) => release(item)),
    indexPage(site, newestOf(site.releases), routes.MINISTERS_PATH, 'Ministers', 'ministers', site.ministers.map((m) => entry(m, routes.ministerPath(m)))),
    ...site.ministers.flatMap((m) => listing(routes.ministerPath(m), m.name, m.releases, `minister ${m.slug}`, crumb('Ministers', routes.MINISTERS_PATH))),
    indexPage(site, newestOf(site.releases), routes.PORTFOLIOS_PATH, 'Portfolios', 'portfolios', site.portfolios.map((p) => entry(p, routes.portfolioPath(p)))),
    ...site.portfolios.flatMap((p) => listing(routes.portfolioPath(p), p.name, p.releases, `portfolio ${p.slug}`, crumb('Portfolios', routes.PORTFOLIOS_PATH))),
    indexPage(site, newestOf(site.releases), routes.ARCHIVE_PATH, 'Archive', 'years', site.years.map((y) => ({ name: y.slug, path: routes.groupPath(y), count: y.releases.length }))),
    ...site.years.flatMap((y) => listing(routes.groupPath(y), `Releases from ${y.slug}`, y.releases, `year ${y.slug}`, crumb('Archive', routes.ARCHIVE_PATH))),
    ...site.types.flatMap((t: Group) => listing(routes.groupPath(t), typeLabel(t.slug, true), t.releases, `type ${t.slug}`)),
    accessibilityPage(site),
    planNotFound(siteFeed(site)),
    searchPage(site, [siteFeed(site)], searchIndexesOf(releasePages)),
  ];
  // A feed shows its first feedSize releases and the newest date among all of them: an edit further down leaves it be.
  const feed = (releases: readonly RenderedRelease[], key: string, plan: () => PagePlan) =>
    recall.listing(releases.slice(0, site.settings.feedSize), `feed\0${key}\0${newestOf(releases)}`, plan);
  const pages = [...html, ...planFeeds(site, feed), recall.sitemap(html, () => planSitemap(html)), planRobots()];
  return { pages, problems: recall.collisions(pages, () => findCollisions(pages)) };
}

/**
 * Dev mode's memory of the last plan, so one edit re-plans only what it touches. Every plan here is kept with the
 * inputs it was made from, compared by identity (a release the dev memory kept is the same object), and handed back
 * unchanged, so the rebuild's comparison with the last site ends at the first `===`. `build` passes no memo.
 */
export interface PlanMemo {
  /** Everything site-wide a page may show besides its releases: when it changes, nothing is reused. */
  context?: string;
  releases: WeakMap<RenderedRelease, { inputs: unknown[]; plan: PagePlan }>;
  listings: Map<string, Listed>;
  sitemap?: { pages: readonly PagePlan[]; plan: PagePlan };
  /** The listed releases' pages, in the order of the releases they were planned from. */
  listed?: { releases: readonly RenderedRelease[]; plans: PagePlan[] };
  collisions?: { pages: readonly PagePlan[]; problems: Problem[] };
  /** The search indexing, and the listed releases it was worked out from. */
  indexing?: { releases: readonly RenderedRelease[]; indexing: SearchIndexing };
}

/** A listing's plans as last made, and the releases they were made from. */
interface Listed {
  releases: readonly RenderedRelease[];
  plans: PagePlan[];
}

export function createPlanMemo(): PlanMemo {
  return { releases: new WeakMap(), listings: new Map() };
}

/**
 * Which search index each release goes into, kept from the last plan while each release counts as the one in its place
 * did. Working it out visits every release, which took 10-15 ms of each dev rebuild at 10,000 releases; comparing the
 * lists mostly compares pointers.
 */
function recallIndexing(releases: readonly RenderedRelease[], memo: PlanMemo | undefined): SearchIndexing {
  const known = memo?.indexing;
  const indexing = known && sameItems(known.releases, releases, countsAlikeForSearch) ? known.indexing : searchIndexing(releases);
  if (memo) memo.indexing = { releases, indexing };
  return indexing;
}

/** Lookups into the memo for this site; without one, each simply plans. */
function recallIn(site: Site, splitYears: string, memo: PlanMemo | undefined) {
  if (memo) {
    // Settings, and the names and kinds of groupings, reach every page (feeds, filters, navigation); a year's split
    // names the search index of each of its pages.
    const context = JSON.stringify([site.settings, site.types.map((t) => t.slug), site.ministers.map((m) => m.name), site.portfolios.map((p) => p.name), splitYears]);
    if (memo.context !== context) {
      Object.assign(memo, createPlanMemo(), { context });
      delete memo.sitemap;
      delete memo.listed;
      delete memo.collisions;
    }
  }
  const listingsSeen = new Map<string, Listed>();
  const recall = {
    release(release: RenderedRelease, inputs: unknown[], plan: () => PagePlan): PagePlan {
      const known = memo?.releases.get(release);
      if (known && sameItems(known.inputs, inputs)) return known.plan;
      const made = plan();
      memo?.releases.set(release, { inputs, plan: made });
      return made;
    },
    /**
     * The pages of the listed releases. A release with the same neighbours at the same index as last time keeps its
     * plan without a lookup: a walk over the list's pointers, where looking each release up would visit all of them.
     */
    listed(releases: readonly RenderedRelease[], plan: (release: RenderedRelease, index: number) => PagePlan): PagePlan[] {
      const last = memo?.listed;
      const before = last?.releases ?? [];
      const plans = releases.map((release, i) =>
        before[i] === release && before[i - 1] === releases[i - 1] && before[i + 1] === releases[i + 1] ? last!.plans[i]! : plan(release, i),
      );
      if (memo) memo.listed = { releases, plans };
      return plans;
    },
    /** Plans that depend only on `releases` (in order) and `key` besides the context; `plan` may reuse parts of the last. */
    listing<T extends PagePlan | PagePlan[]>(releases: readonly RenderedRelease[], key: string, plan: (last?: Listed) => T): T {
      const known = memo?.listings.get(key);
      const plans = known && sameItems(known.releases, releases) ? (known.plans as T) : plan(known);
      listingsSeen.set(key, { releases, plans: plans as PagePlan[] });
      return plans;
    },
    /** Planned last: also the moment to forget listings that are gone. */
    sitemap(pages: readonly PagePlan[], plan: () => PagePlan): PagePlan {
      if (!memo) return plan();
      const known = memo.sitemap;
      // A new title changes pages but not their paths and dates: then the sitemap stays the very same object.
      const made = known && sameItems(known.pages, pages, sameSitemapEntry) ? known.plan : plan();
      memo.sitemap = { pages, plan: made };
      memo.listings = listingsSeen;
      return made;
    },
    /** Two pages collide by path, and the problem names their sources: the same paths and sources, the same problems. */
    collisions(pages: readonly PagePlan[], find: () => Problem[]): Problem[] {
      if (!memo) return find();
      const known = memo.collisions;
      const problems = known && sameItems(known.pages, pages, (a, b) => a.path === b.path && a.source === b.source) ? known.problems : find();
      memo.collisions = { pages, problems };
      return problems;
    },
  };
  return recall;
}

/** Whether two HTML pages give the sitemap the same entry (planSitemap reads their path, modified and noindex). */
function sameSitemapEntry(a: PagePlan, b: PagePlan): boolean {
  type Meta = { path?: string; modified?: string; noindex?: boolean };
  const [x, y] = [a.data.page as Meta | undefined, b.data.page as Meta | undefined];
  return a.path === b.path && x?.path === y?.path && x?.modified === y?.modified && x?.noindex === y?.noindex;
}

/** Item by item, by identity unless `same` says two different items are as good as equal. */
function sameItems<T>(a: readonly T[], b: readonly T[], same?: (x: T, y: T) => boolean): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !same?.(a[i]!, b[i]!)) return false;
  return true;
}

/**
 * A listed release's page links its neighbours; a withdrawn one (no index) links none, being in no list. Withdrawn
 * pages stay for those who linked them and drafts appear only in previews: neither is indexed, by crawlers or search.
 */
function releasePage(site: Site, release: RenderedRelease, search: SearchValues, searchIndex: string, index?: number): PagePlan {
  const newer = index === undefined ? undefined : site.releases[index - 1];
  const older = index === undefined ? undefined : site.releases[index + 1];
  const noindex = !isIndexed(release);
  const card = releaseCard(release);
  const typePath = routes.groupPath({ slug: release.type });
  return {
    path: routes.fileOf(card.path),
    template: 'release',
    source: release.file,
    ...(noindex ? {} : { searchIndex }),
    data: {
      page: {
        title: release.title,
        path: card.path,
        description: card.summary,
        modified: lastModified(release),
        published: release.date,
        article: true,
        noindex,
        feeds: feedsFor(site, typePath, typeLabel(release.type, true)),
      },
      jsonLd: new ReleaseJsonLd(release, card.summary, site.settings),
      updates: release.updates.map((u) => ({ date: u.date, dateText: formatDate(u.date), note: u.note })),
      withdrawn: release.withdrawn ? { date: release.withdrawn.date, dateText: formatDate(release.withdrawn.date), reason: release.withdrawn.reason } : undefined,
      search,
      release: card,
      html: release.html,
      originalUrl: release.url,
      deliveredAt: release.deliveredAt,
      attachments: release.attachments,
      newer: newer ? releaseCard(newer) : undefined,
      older: older ? releaseCard(older) : undefined,
      breadcrumbs: [crumb('Home', routes.HOME_PATH), crumb(typeLabel(release.type, true), typePath)],
    },
  };
}

function listingPages(
  site: Site,
  path: string,
  heading: string,
  releases: readonly RenderedRelease[],
  source: string,
  parent?: { name: string; path: string },
  last?: Listed,
): PagePlan[] {
  const modified = newestOf(releases, last?.releases);
  const description = describeListing(heading, releases);
  // Every page shows the listing's count, date and description; when those held, a page whose releases are the same
  // objects in the same order is the same page, so an edit re-plans only the page that shows it (dev mode).
  const reusable = last !== undefined && last.releases.length === releases.length && newestOf(last.releases) === modified && describeListing(heading, last.releases) === description;
  const size = site.settings.pageSize;
  return paginate(releases, path, size).map((pagination, i): PagePlan => {
    const kept = reusable ? last.plans[i] : undefined;
    if (kept && sameItems(pagination.items, last!.releases.slice(i * size, (i + 1) * size))) return kept;
    return listingPage(site, path, heading, releases, source, parent, pagination, modified, description);
  });
}

function listingPage(
  site: Site,
  path: string,
  heading: string,
  releases: readonly RenderedRelease[],
  source: string,
  parent: { name: string; path: string } | undefined,
  pagination: Pagination<RenderedRelease>,
  modified: IsoDate | undefined,
  description: string,
): PagePlan {
  return {
    path: routes.fileOf(pagination.path),
    template: 'listing',
    source,
    data: {
      page: {
        title: pagination.number === 1 ? heading : `${heading}, page ${pagination.number} of ${pagination.total}`,
        path: pagination.path,
        description,
        modified,
        feeds: feedsFor(site, path, heading),
      },
      heading,
      releases: pagination.items.map(releaseCard),
      count: releases.length,
      // The links only: the items are the releases above, bodies and all, which the page shows only as cards.
      pagination: { ...pagination, items: undefined },
      breadcrumbs: parent ? [crumb('Home', routes.HOME_PATH), parent] : undefined,
    },
  };
}

function indexPage(site: Site, modified: IsoDate | undefined, path: string, heading: string, noun: string, entries: { name: string; path: string; count: number }[]): PagePlan {
  return {
    path: routes.fileOf(path),
    template: 'index',
    source: `${noun} index`,
    data: {
      page: { title: heading, path, description: `${heading}: ${entries.length} ${noun}, with their releases.`, modified, feeds: [siteFeed(site)] },
      heading,
      entries,
      breadcrumbs: [crumb('Home', routes.HOME_PATH)],
    },
  };
}

/** The site feed, and the feed of the listing at `path` when it has one (home's is the site feed; years have none). */
function feedsFor(site: Site, path: string, heading: string): FeedLink[] {
  const hasFeed = path !== routes.HOME_PATH && (path.startsWith('minister/') || path.startsWith('portfolio/') || site.types.some((t) => routes.groupPath(t) === path));
  return hasFeed ? [siteFeed(site), listingFeed(site, path, heading)] : [siteFeed(site)];
}

/** The accessibility statement the footer links to on every page, built from the settings. */
function accessibilityPage(site: Site): PagePlan {
  const heading = 'Accessibility statement';
  return {
    path: routes.fileOf(routes.ACCESSIBILITY_PATH),
    template: 'accessibility',
    source: 'accessibility statement',
    data: {
      page: { title: heading, path: routes.ACCESSIBILITY_PATH, description: `How accessible the ${site.settings.title} website is and how to report a problem.`, feeds: [siteFeed(site)] },
      heading,
      contactEmail: site.settings.contactEmail,
      breadcrumbs: [crumb('Home', routes.HOME_PATH)],
    },
  };
}

function entry(group: Minister, path: string) {
  return { name: group.name, path, count: group.releases.length };
}

function crumb(name: string, path: string) {
  return { name, path };
}

function describeListing(heading: string, releases: readonly RenderedRelease[]): string {
  const newest = releases[0];
  return newest
    ? `${heading}: ${releases.length} item${releases.length === 1 ? '' : 's'}, the newest from ${formatDate(newest.date)}.`
    : `${heading}: no releases yet.`;
}

/** newestModified, once per list: lists are never changed once assembled, and dev mode hands back unchanged ones. */
const newestByList = new WeakMap<readonly RenderedRelease[], IsoDate | undefined>();

/**
 * The newest last-modified date of `releases`. Given the list it replaces (dev mode), only the releases that differ
 * at their index are looked at, unless one that went held the newest date: a walk over pointers, not over releases.
 */
function newestOf(releases: readonly RenderedRelease[], last?: readonly RenderedRelease[]): IsoDate | undefined {
  if (newestByList.has(releases)) return newestByList.get(releases);
  let newest = last && last.length === releases.length && newestByList.has(last) ? newestAfterEdits(releases, last, newestByList.get(last)) : null;
  if (newest === null) newest = newestModified(releases);
  newestByList.set(releases, newest);
  return newest;
}

/** null when a replaced release held the newest date, which only a full walk can replace. */
function newestAfterEdits(releases: readonly RenderedRelease[], last: readonly RenderedRelease[], before: IsoDate | undefined): IsoDate | undefined | null {
  let newest = before;
  for (let i = 0; i < releases.length; i++) {
    if (releases[i] === last[i]) continue;
    if (lastModified(last[i]!) === before) return null;
    const modified = lastModified(releases[i]!);
    if (newest === undefined || modified > newest) newest = modified;
  }
  return newest;
}

/** Two pages on one path would silently overwrite each other: name both sources instead. */
function findCollisions(pages: readonly PagePlan[]): Problem[] {
  const seen = new Map<string, PagePlan>();
  const problems: Problem[] = [];
  for (const page of pages) {
    const first = seen.get(page.path);
    if (!first) {
      seen.set(page.path, page);
      continue;
    }
    const isRelease = page.source.endsWith('.md');
    const fix = isRelease ? '; give one of them another "slug"' : '';
    problems.push(error(page.source, `would be written to ${page.path}, where ${first.source} is written already${fix}`, isRelease ? { field: 'slug' } : {}));
  }
  return problems;
}
