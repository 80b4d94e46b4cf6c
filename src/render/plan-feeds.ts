/** The Atom feeds: the whole site's, and one per minister, portfolio and type, each of the newest entries. Pure. */
import type { PagePlan, RenderedRelease, Site } from '../types.js';
import { startOfDay } from '../zoned-time.js';
import { xmlText } from './body-bytes.js';
import * as routes from './routes.js';
import { lastModified, newestModified, releaseCard, typeLabel } from './view-models.js';

/** A feed a page links to in its head. */
export interface FeedLink {
  title: string;
  /** Site path of the feed file. */
  path: string;
}

/** The feed of the whole site, which every page links. */
export function siteFeed(site: Site): FeedLink {
  return { title: `${site.settings.title}: all releases`, path: routes.feedOf(routes.HOME_PATH) };
}

/** The feed of a listing at `path`. */
export function listingFeed(site: Site, path: string, heading: string): FeedLink {
  return { title: `${site.settings.title}: ${heading}`, path: routes.feedOf(path) };
}

/** Hands back a plan made earlier from the same releases (in order) under the same key, or makes it (dev mode). */
export type RecallPlan = (releases: readonly RenderedRelease[], key: string, plan: () => PagePlan) => PagePlan;

/** Every feed's plan. */
export function planFeeds(site: Site, recall: RecallPlan = (_releases, _key, plan) => plan()): PagePlan[] {
  // An empty feed takes its updated time from the whole site, so that is what it depends on.
  const feed = (link: FeedLink, alternate: string, releases: readonly RenderedRelease[], source: string) =>
    recall(releases.length > 0 ? releases : site.releases, `${link.path}\0${link.title}`, () => feedPlan(site, link, alternate, releases, source));
  return [
    feed(siteFeed(site), routes.HOME_PATH, site.releases, 'site feed'),
    ...site.ministers.map((m) => feed(listingFeed(site, routes.ministerPath(m), m.name), routes.ministerPath(m), m.releases, `minister ${m.slug}`)),
    ...site.portfolios.map((p) => feed(listingFeed(site, routes.portfolioPath(p), p.name), routes.portfolioPath(p), p.releases, `portfolio ${p.slug}`)),
    ...site.types.map((t) => feed(listingFeed(site, routes.groupPath(t), typeLabel(t.slug, true)), routes.groupPath(t), t.releases, `type ${t.slug}`)),
  ];
}

function feedPlan(site: Site, feed: FeedLink, alternate: string, releases: readonly RenderedRelease[], source: string): PagePlan {
  const { timeZone } = site.settings;
  const entries = releases.slice(0, site.settings.feedSize).map((release) => {
    const card = releaseCard(release);
    return {
      title: xmlText(release.title),
      path: card.path,
      published: startOfDay(release.date, timeZone),
      updated: startOfDay(lastModified(release), timeZone),
      authors: release.ministers.map(xmlText),
      categories: card.portfolios.map((p) => ({ name: xmlText(p.name), term: p.path.split('/')[1] ?? '' })),
      summary: xmlText(card.summary),
      html: release.html,
    };
  });
  // A feed's updated time is its newest entry's, never the clock's, so the same releases give the same bytes.
  const newest = newestModified(releases) ?? newestModified(site.releases);
  return {
    path: feed.path,
    template: 'feed',
    source,
    data: {
      feed: { ...feed, alternate, updated: newest ? startOfDay(newest, timeZone) : '1970-01-01T00:00:00Z', rights: site.settings.publisher },
      entries,
    },
  };
}
